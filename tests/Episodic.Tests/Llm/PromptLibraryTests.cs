using Episodic.Llm.Prompting;
using Xunit;

namespace Episodic.Tests.Llm;

public sealed class PromptLibraryTests
{
    [Fact]
    public void Every_embedded_prompt_has_a_version_and_both_parts()
    {
        foreach (var name in new[] { PromptLibrary.ParseFilename, PromptLibrary.ParseBatch, PromptLibrary.SuggestShowName, PromptLibrary.SuggestShortName })
        {
            var t = PromptLibrary.Embedded[name];
            Assert.False(string.IsNullOrWhiteSpace(t.Version));
            Assert.False(string.IsNullOrWhiteSpace(t.System));
            Assert.Contains("<<feedback>>", t.User, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_file_in_the_prompts_folder_overrides_the_embedded_prompt()
    {
        var dir = Directory.CreateTempSubdirectory("episodic-prompts-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, PromptLibrary.ParseFilename), "version: custom/7\n---system---\nBe brief.\n---user---\nName: <<filename_json>> <<feedback>>\n");
            var library = new PromptLibrary(dir.FullName);

            Assert.Equal("custom/7", library[PromptLibrary.ParseFilename].Version);
            Assert.Equal("Be brief.", library[PromptLibrary.ParseFilename].System);
            Assert.Equal(PromptLibrary.Embedded[PromptLibrary.ParseBatch].Version, library[PromptLibrary.ParseBatch].Version);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Placeholders_do_not_touch_json_braces_and_unknown_ones_fail_loudly()
    {
        var t = PromptTemplate.Parse("t.txt", "version: 1\n---system---\nS\n---user---\nReturn {\"a\": 1} for <<x>>.");
        Assert.Equal("Return {\"a\": 1} for 42.", t.RenderUser(new Dictionary<string, string> { ["x"] = "42" }));
        Assert.Throws<KeyNotFoundException>(() => t.RenderUser(new Dictionary<string, string>()));
        Assert.Throws<FormatException>(() => PromptTemplate.Parse("bad.txt", "no version here"));
    }

    [Fact]
    public void Few_shot_examples_come_from_their_versioned_file_into_both_parse_prompts()
    {
        var examples = PromptLibrary.Embedded.Examples;

        Assert.Equal("parse-examples/1", examples.Version);
        Assert.True(examples.Items.Count >= 2);
        var single = PromptLibrary.Embedded[PromptLibrary.ParseFilename].System;
        var batch = PromptLibrary.Embedded[PromptLibrary.ParseBatch].System;
        Assert.DoesNotContain("<<examples", single + batch, StringComparison.Ordinal);
        Assert.All(examples.Items, e => Assert.Contains(e.Filename, single, StringComparison.Ordinal));
        Assert.Contains(examples.Items[0].Filename, batch, StringComparison.Ordinal); // the batch prompt takes the first only
        Assert.DoesNotContain(examples.Items[1].Filename, batch, StringComparison.Ordinal);

        var settings = Episodic.Llm.Composition.LlmStackSettings.Resolve(Episodic.Llm.Configuration.LlmConfiguration.BuildFromText(null, new Dictionary<string, string?>()));
        Assert.EndsWith("+" + examples.Version, settings.PromptVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void No_few_shot_name_or_show_appears_in_any_corpus()
    {
        var corpora = new[] { Path.Combine(TestPaths.RepoRoot, "testdata", "corpus"), "/work/shared/corpus" }
            .Where(Directory.Exists)
            .SelectMany(d => Directory.GetFiles(d, "*.tsv", SearchOption.AllDirectories))
            .ToList();
        Assert.NotEmpty(corpora);
        var text = string.Join('\n', corpora.Select(File.ReadAllText));

        foreach (var (filename, answer) in PromptLibrary.Embedded.Examples.Items)
        {
            Assert.DoesNotContain(filename, text, StringComparison.OrdinalIgnoreCase);
            using var doc = System.Text.Json.JsonDocument.Parse(answer);
            var show = doc.RootElement.GetProperty("show_name").GetString()!;
            Assert.DoesNotContain(show, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(show.Replace(' ', '.'), text, StringComparison.OrdinalIgnoreCase);
        }
    }
}
