using System.CommandLine;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic help [COMMAND...]</c>: the same text as <c>episodic COMMAND --help</c>, for people who type it the
/// way git and dotnet taught them. A mistyped command name gets the nearest real one, as everywhere else.
/// </summary>
internal static class HelpCommand
{
    public static Command Create(RootCommand root, CliContext context)
    {
        var names = new Argument<string[]>("COMMAND") { Description = "The command to explain, e.g. parse or cache clear; none for the list of commands.", Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "Show help for a command (the same as COMMAND --help).") { names };
        help.SetAction(result =>
        {
            var path = result.GetValue(names) ?? [];
            Command current = root;
            foreach (var name in path)
            {
                if (current.Subcommands.FirstOrDefault(c => c.Name == name || c.Aliases.Contains(name)) is not { } next)
                {
                    context.Error(UnknownTokens.UnknownCommand(current, name));
                    return ExitCodes.InputError;
                }

                current = next;
            }

            return root.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = context.Stdout, Error = context.Stderr });
        });
        return help;
    }
}
