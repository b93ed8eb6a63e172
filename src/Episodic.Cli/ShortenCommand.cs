using System.CommandLine;
using Episodic.Core.Naming;
using Episodic.Llm.Providers;

namespace Episodic.Cli;

/// <summary><c>episodic shorten NAME --max-length N</c>: a readable name that fits, by rules or (with --llm) by the model.</summary>
internal static class ShortenCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The file or folder name to shorten." };
        var maxLength = new Option<int>("--max-length") { Description = "Maximum length in characters.", DefaultValueFactory = _ => 100 };
        maxLength.AtLeast(1);
        var kind = new Option<string>("--kind") { Description = "file (keeps the extension and the episode numbers) or directory.", DefaultValueFactory = _ => "file" };
        kind.OneOf("file", "directory");
        var llm = new Option<bool>("--llm") { Description = "Ask the configured LLM (the result is still checked and never exceeds the limit)." };
        var llmOptions = new LlmOptions();
        var command = new Command("shorten", "Shorten a file or folder name to a length limit.") { name, maxLength, kind, llm };
        foreach (var option in llmOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var max = result.GetValue(maxLength);
            if (max < 1)
            {
                context.Error("--max-length must be at least 1");
                return CliApp.ExitInputError;
            }

            var k = result.GetValue(kind) == "directory" ? ShortNameKind.Directory : ShortNameKind.File;
            var input = result.GetValue(name)!;
            var shortened = NameShortener.Shorten(input, max, k);
            if (result.GetValue(llm))
            {
                using var host = llmOptions.CreateHost(result, context);
                if (host?.Service is not { } service)
                {
                    return CliApp.ExitConfigError;
                }

                try
                {
                    shortened = await service.SuggestShortNameAsync(input, max, k, cancellationToken).ConfigureAwait(false);
                }
                catch (LlmBackendException ex)
                {
                    context.Error($"{service.Name} failed ({ex.Message}); used the rule-based short name.");
                }
            }

            await context.Stdout.WriteLineAsync(shortened).ConfigureAwait(false);
            return CliApp.ExitOk;
        });
        return command;
    }
}
