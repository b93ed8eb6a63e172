using System.Text.RegularExpressions;
using Episodic.Llm.Caching;
using Episodic.Llm.Configuration;
using Episodic.Llm.Pipeline;
using Episodic.Llm.Providers;
using Episodic.Llm.Resilience;
using Xunit;

namespace Episodic.Tests.Configuration;

/// <summary>Defaults are declared once (LlmDefaults): an empty configuration binds to them, and the docs list exactly them.</summary>
public sealed partial class DefaultsTests
{
    private static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    [Fact]
    public void An_empty_configuration_binds_to_the_declared_defaults()
    {
        var configuration = LlmConfiguration.Build(null, NoEnvironment);
        var settings = LlmConfiguration.Bind(configuration);
        var pipelineSettings = PipelineSettings.Bind(configuration);

        var (pipeline, problems) = PipelineOptions.From(pipelineSettings, LlmConfiguration.SelectedBackend(settings));
        var (resilience, resilienceProblems) = ResilienceOptions.From(pipelineSettings, BackendKind.OpenAI);

        Assert.Empty(problems);
        Assert.Empty(resilienceProblems);
        Assert.Equal(LlmDefaults.Service, settings.Llm.Service);
        Assert.Equal(LlmDefaults.Concurrency, pipeline.Concurrency);
        Assert.Equal(LlmDefaults.BatchSize, pipeline.BatchSize);
        Assert.Equal(LlmDefaults.Threshold, pipeline.Threshold);
        Assert.Equal(LlmDefaults.MaxTokensPerName, pipeline.MaxTokensPerName);
        Assert.Equal(new PipelineOptions() with { Chain = pipeline.Chain }, pipeline);
        Assert.Equal(new ResilienceOptions(), resilience);
        Assert.Equal(TimeSpan.FromSeconds(LlmDefaults.TotalTimeoutSeconds), resilience.TotalTimeout);
        Assert.Equal(TimeSpan.FromDays(LlmDefaults.CacheTtlDays), SqliteParseCache.DefaultTtl);

        var ollama = LlmConfiguration.ToBackendOptions(settings, BackendKind.Ollama);
        Assert.Equal(LlmDefaults.OllamaModel, ollama.Model);
        Assert.Equal(TimeSpan.FromSeconds(LlmDefaults.OllamaTimeoutSeconds), ollama.Timeout);
        Assert.Equal(new Uri(LlmDefaults.OllamaHost), ollama.BaseUri);
    }

    [Fact]
    public void The_configuration_doc_lists_exactly_the_declared_defaults()
    {
        var doc = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "configuration.md"));

        var listed = DefaultRow().Matches(doc).ToDictionary(m => $"{m.Groups[1].Value} {m.Groups[2].Value}", m => m.Groups[3].Value, StringComparer.Ordinal);

        Assert.Equal(LlmDefaults.Ini.OrderBy(p => p.Key, StringComparer.Ordinal), listed.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^\| `\[(\w+)\]` \| `(\w+)` \| `([^`]*)` \|", RegexOptions.Multiline, 1000)]
    private static partial Regex DefaultRow();
}
