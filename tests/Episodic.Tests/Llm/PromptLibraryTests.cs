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
}
