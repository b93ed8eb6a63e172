using System.CommandLine;
using System.CommandLine.Parsing;
using Episodic.Core.Text;

namespace Episodic.Cli;

/// <summary>
/// Mistyped options and commands, found before a command runs. System.CommandLine takes an unknown <c>--fromat</c>
/// as one more PATH, so <c>parse X --fromat json</c> would parse three names and exit 0. Here an argument that
/// starts with <c>--</c> (or is a dash and one letter, like <c>-F</c>) is an option: one the command does not have is
/// an error with the nearest real one ("did you mean --format?"). <c>--</c> ends the options, for the rare name that
/// starts with dashes. A word where a subcommand belongs gets the nearest command. Every command, present and future,
/// is checked the same way, from its own option and subcommand lists.
/// </summary>
internal static class UnknownTokens
{
    /// <summary>One line per unknown option or command in <paramref name="parsed"/>; empty when there is none.</summary>
    public static IReadOnlyList<string> Problems(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var command = parsed.CommandResult.Command;
        var optionValues = new HashSet<Token>(ReferenceEqualityComparer.Instance);
        for (var result = (SymbolResult?)parsed.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult c)
            {
                foreach (var option in c.Children.OfType<OptionResult>())
                {
                    optionValues.UnionWith(option.Tokens);
                }
            }
        }

        var problems = new List<string>();
        foreach (var token in parsed.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                break;
            }

            if (token.Type == TokenType.Argument && !optionValues.Contains(token) && LooksLikeOption(token.Value))
            {
                problems.Add(UnknownOption(parsed, command, token.Value));
            }
        }

        // A command that only groups others (the root, "cache") takes no arguments: its first stray word was meant as one of them.
        if (problems.Count == 0 && command.Subcommands.Count > 0 && command.Arguments.Count == 0
            && parsed.UnmatchedTokens.FirstOrDefault(t => !LooksLikeOption(t)) is { } word)
        {
            problems.Add(UnknownCommand(command, word));
        }

        return problems;
    }

    /// <summary>"unknown command 'pasre'; did you mean parse?", with the commands listed when none is near.</summary>
    public static string UnknownCommand(Command parent, string word)
    {
        ArgumentNullException.ThrowIfNull(parent);
        var names = parent.Subcommands.Where(c => !c.Hidden).SelectMany(c => c.Aliases.Prepend(c.Name)).ToList();
        var hint = Nearest(word, names) is { } near ? $"did you mean {near}?" : $"the commands are {string.Join(", ", parent.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))}";
        return $"unknown command '{word}'{Where(parent)}; {hint}";
    }

    /// <summary>True for <c>--anything</c> and for a dash and one letter (<c>-F</c>); a lone <c>-</c> is stdin and <c>-5</c> a number.</summary>
    public static bool LooksLikeOption(string token) =>
        (token.Length > 2 && token.StartsWith("--", StringComparison.Ordinal)) || (token.Length == 2 && token[0] == '-' && char.IsAsciiLetter(token[1]));

    private static string UnknownOption(ParseResult parsed, Command command, string typed)
    {
        var name = typed.Split('=', 2)[0];
        var near = Nearest(name, OptionsOf(parsed, command));
        var hint = near is not null
            ? $"did you mean {near}?"
            : $"a name that starts with dashes goes after -- ('episodic {Path(command)}-- {typed}')";
        return $"unknown option '{name}'{Where(command)}; {hint}";
    }

    /// <summary>The names and aliases of every option <paramref name="command"/> accepts: its own and the recursive ones of its parents.</summary>
    private static List<string> OptionsOf(ParseResult parsed, Command command)
    {
        var names = new List<string>();
        var own = true;
        for (var result = (SymbolResult?)parsed.CommandResult; result is not null; result = result.Parent)
        {
            if (result is CommandResult c)
            {
                names.AddRange(c.Command.Options.Where(o => !o.Hidden && (own || o.Recursive)).SelectMany(o => o.Aliases.Prepend(o.Name)));
                own = false;
            }
        }

        return names;
    }

    /// <summary>The only name that starts with what was typed (<c>--metadata-req</c>), else the nearest by edit distance.</summary>
    private static string? Nearest(string typed, IReadOnlyCollection<string> names)
    {
        var folded = Fold(typed);
        var prefixed = names.Where(n => folded.Length >= 3 && Fold(n).StartsWith(folded, StringComparison.Ordinal)).Distinct().ToList();
        return prefixed.Count == 1 ? prefixed[0] : EditDistance.Closest(typed, names, Fold);
    }

    private static string Fold(string name) => name.TrimStart('-').ToLowerInvariant();

    private static string Where(Command command) => command is RootCommand ? "" : $" for 'episodic {Path(command).TrimEnd()}'";

    /// <summary>"cache clear " for a nested command, "" for the root: what follows "episodic " to name it.</summary>
    public static string Path(Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null and not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return names.Count == 0 ? "" : string.Join(' ', names) + " ";
    }
}
