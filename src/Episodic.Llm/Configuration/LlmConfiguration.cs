using Episodic.Core.Files;
using Episodic.Llm.Providers;
using Microsoft.Extensions.Configuration;

namespace Episodic.Llm.Configuration;

/// <summary>
/// Loads, validates and converts the LLM settings. Precedence, lowest first: the INI file, the providers' well-known
/// environment variables (OPENAI_API_KEY, OLLAMA_HOST, ...), <c>EPISODIC_SECTION__KEY</c> variables, command-line
/// overrides. Loading never fails on bad values, so commands that do not use an LLM are never stopped by LLM
/// settings; <see cref="Validate"/>, <see cref="SelectedBackend"/> and <see cref="ToBackendOptions"/> report them.
/// </summary>
public static class LlmConfiguration
{
    /// <summary>The valid values of <c>[llm] service</c>.</summary>
    public static IReadOnlyList<string> ServiceNames => BackendKindNames.WireNames;

    /// <summary>
    /// Builds the layered configuration. <paramref name="iniPath"/> null = no file (defaults and environment only);
    /// a path that does not exist is an error. <paramref name="environment"/> null = the process environment.
    /// Override keys are <c>section:key</c>, e.g. <c>llm:service</c> or <c>openai:api_key</c>.
    /// </summary>
    /// <exception cref="LlmConfigurationException">The file named by <paramref name="iniPath"/> does not exist, is not a regular file (a FIFO, a device, a folder), cannot be read, or has a carriage return inside a line.</exception>
    public static IConfiguration Build(
        string? iniPath = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        IReadOnlyDictionary<string, string?>? overrides = null)
    {
        if (iniPath is null)
        {
            return BuildFromText(null, environment, overrides);
        }

        // The kind is asked before opening: a FIFO blocks open(2) until someone writes (no signal reaches it there),
        // and a pipe or device could not be read twice anyway.
        var kind = FileKinds.Of(iniPath);
        if (kind == FileKind.Missing)
        {
            throw new LlmConfigurationException($"The configuration file {iniPath} does not exist; check the path, or leave it out to use defaults and environment variables.");
        }

        if (kind is not (FileKind.Regular or FileKind.Unknown))
        {
            throw new LlmConfigurationException($"The configuration file {iniPath} is {FileKinds.Describe(kind)}, not a regular file; give the path of the INI file itself.");
        }

        string text;
        try
        {
            text = File.ReadAllText(iniPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LlmConfigurationException($"The configuration file {iniPath} cannot be read: {e.Message}", e);
        }

        return BuildLayers(text, iniPath, environment, overrides);
    }

    /// <summary>As <see cref="Build"/>, with the INI content given directly (null = no file).</summary>
    /// <exception cref="LlmConfigurationException">The text has a carriage return inside a line.</exception>
    public static IConfiguration BuildFromText(
        string? iniText,
        IReadOnlyDictionary<string, string?>? environment = null,
        IReadOnlyDictionary<string, string?>? overrides = null) =>
        BuildLayers(iniText, "the INI text", environment, overrides);

    private static IConfiguration BuildLayers(string? iniText, string source, IReadOnlyDictionary<string, string?>? environment, IReadOnlyDictionary<string, string?>? overrides)
    {
        environment ??= LlmEnvironment.FromProcess();
        var builder = new ConfigurationBuilder();
        if (iniText is not null)
        {
            if (IniPreprocessor.StrayCarriageReturns(iniText) is { Count: > 0 } lines)
            {
                throw new LlmConfigurationException([.. lines.Select(n =>
                    $"{source}, line {n}: a carriage return (\\r) inside the line; delete it, or save the file with LF (Unix) or CRLF (Windows) line endings.")]);
            }

            // The stream must stay open until Build() has read it.
            var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(IniPreprocessor.Normalize(iniText)));
            builder.AddIniStream(stream);
        }

        builder.AddInMemoryCollection(LlmEnvironment.WellKnownLayer(environment));
        builder.AddInMemoryCollection(LlmEnvironment.PrefixedLayer(environment));
        if (overrides is not null)
        {
            builder.AddInMemoryCollection(overrides.Select(o => KeyValuePair.Create(ConfigKeys.NormalizePath(o.Key), o.Value)));
        }

        return builder.Build();
    }

    /// <summary>Builds and binds in one step; see <see cref="Build"/>.</summary>
    public static LlmSettings Load(
        string? iniPath = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        IReadOnlyDictionary<string, string?>? overrides = null) =>
        Bind(Build(iniPath, environment, overrides));

    /// <summary>Binds the <c>[llm]</c>, <c>[ollama]</c>, <c>[openai]</c> and <c>[anthropic]</c> sections; unset keys keep their defaults.</summary>
    public static LlmSettings Bind(IConfiguration configuration)
    {
        var settings = new LlmSettings();
        BindInto(configuration, settings);
        return settings;
    }

    internal static void BindInto(IConfiguration configuration, LlmSettings settings)
    {
        // Section by section, so a stray value such as EPISODIC_LLM=x (a value where a section belongs) is ignored
        // rather than failing the load; every property is a string, so binding itself cannot fail on bad values.
        configuration.GetSection("llm").Bind(settings.Llm);
        configuration.GetSection("ollama").Bind(settings.Ollama);
        configuration.GetSection("openai").Bind(settings.OpenAI);
        configuration.GetSection("anthropic").Bind(settings.Anthropic);
    }

    /// <summary>Every problem at once, each naming the INI key and the fix; empty when the settings are usable.</summary>
    public static IReadOnlyList<string> Validate(LlmSettings settings) => new LlmSettingsValidator().Problems(null, settings);

    /// <exception cref="LlmConfigurationException">Listing every problem <see cref="Validate"/> finds.</exception>
    public static void ThrowIfInvalid(LlmSettings settings)
    {
        var problems = Validate(settings);
        if (problems.Count > 0)
        {
            throw new LlmConfigurationException(problems);
        }
    }

    /// <summary>The backend named by <c>[llm] service</c> (trimmed, any case).</summary>
    /// <exception cref="LlmConfigurationException">The service is not one of <see cref="ServiceNames"/>.</exception>
    public static BackendKind SelectedBackend(LlmSettings settings)
    {
        if (SettingValues.TryParseService(settings.Llm.Service, out var kind))
        {
            return kind;
        }

        if (string.IsNullOrWhiteSpace(settings.Llm.Service))
        {
            // Worded as the validator words it, so a list holding both says it once.
            throw new LlmConfigurationException(LlmSection.EmptyService);
        }

        throw new LlmConfigurationException(
            $"[llm] service = {SettingValues.Echo(settings.Llm.Service)} is not a known service; set it to one of: {string.Join(", ", ServiceNames)} (or set EPISODIC_LLM__SERVICE).");
    }

    /// <summary>
    /// The typed options for one backend. Checks that backend's section only (its API key is required, since the
    /// caller is about to use it) and reports every problem in it at once.
    /// </summary>
    /// <exception cref="LlmConfigurationException">The section has problems.</exception>
    public static BackendOptions ToBackendOptions(LlmSettings settings, BackendKind kind)
    {
        var section = BackendSection.From(settings, kind);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(section.Model))
        {
            problems.Add($"[{section.Name}] model is empty; set a model name, e.g. model = {new LlmSettings().ModelOf(kind)}.");
        }

        problems.AddRange(LlmSettingsRules.CheckBackend(section, requireKey: true));
        if (problems.Count > 0)
        {
            throw new LlmConfigurationException(problems);
        }

        // Validation above guarantees the values parse; unset optional values keep the BackendOptions defaults.
        var defaults = new BackendOptions { Kind = kind, Model = section.Model };
        return defaults with
        {
            Model = section.Model.Trim(),
            ApiKey = section.NeedsApiKey ? section.ApiKey?.Trim() : null,
            BaseUri = SettingValues.TryParseUrl(section.Url, kind == BackendKind.Ollama, out var uri) ? uri : null,
            Timeout = SettingValues.TryParseTimeout(section.Timeout, out var timeout) ? timeout : defaults.Timeout,
            MaxTokens = SettingValues.TryParseMaxTokens(section.MaxTokens, out var maxTokens) ? maxTokens : defaults.MaxTokens,
            Temperature = SettingValues.TryParseTemperature(section.Temperature, out var temperature) ? temperature : defaults.Temperature,
        };
    }

    private static string ModelOf(this LlmSettings settings, BackendKind kind) => BackendSection.From(settings, kind).Model;
}
