using Episodic.Llm.Configuration;
using Xunit;
using static Episodic.Tests.Configuration.ConfigTestData;

namespace Episodic.Tests.Configuration;

/// <summary>Each rule's message names the key as written in the INI and says how to fix it.</summary>
public sealed class ValidationTests
{
    private static IReadOnlyList<string> Problems(string ini, Dictionary<string, string?>? env = null) =>
        LlmConfiguration.Validate(LlmConfiguration.Bind(LlmConfiguration.BuildFromText(ini, env ?? NoEnv())));

    private static void AssertOneProblem(IReadOnlyList<string> problems, params string[] fragments)
    {
        var problem = Assert.Single(problems);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Defaults_are_valid() => Assert.Empty(LlmConfiguration.Validate(new LlmSettings()));

    [Fact]
    public void Unknown_service_lists_the_valid_ones() =>
        AssertOneProblem(Problems("[llm]\nservice = gemini\n"), "[llm] service", "\"gemini\"", "ollama, openai, anthropic");

    [Fact]
    public void Empty_service_is_reported_once() =>
        AssertOneProblem(Problems("[llm]\nservice =\n"), "[llm] service is empty", "ollama, openai, anthropic");

    [Theory]
    [InlineData("openai", "OPENAI_API_KEY", "EPISODIC_OPENAI__API_KEY")]
    [InlineData("anthropic", "ANTHROPIC_API_KEY", "EPISODIC_ANTHROPIC__API_KEY")]
    public void Missing_key_for_the_selected_service_names_the_variables_to_set(string service, string variable, string episodicVariable) =>
        AssertOneProblem(Problems($"[llm]\nservice = {service}\n"), $"[{service}] api_key is not set", variable, episodicVariable, $"api_key under [{service}]");

    [Theory]
    [InlineData("your_openai_api_key_here")]
    [InlineData("YOUR_OPENAI_API_KEY_HERE")]
    [InlineData("your-key")]
    [InlineData("<openai key>")]
    [InlineData("changeme")]
    public void Placeholder_keys_count_as_missing(string placeholder) =>
        AssertOneProblem(Problems($"[llm]\nservice = openai\n[openai]\napi_key = {placeholder}\n"), "[openai] api_key", "placeholder", "OPENAI_API_KEY");

    [Fact]
    public void Only_the_selected_service_needs_a_key() =>
        Assert.Empty(Problems("[llm]\nservice = openai\n[openai]\napi_key = sk-real\n[anthropic]\napi_key = your_anthropic_api_key_here\n"));

    [Fact]
    public void A_key_from_the_environment_satisfies_the_rule() =>
        Assert.Empty(Problems("[llm]\nservice = anthropic\n", Env(("ANTHROPIC_API_KEY", "ak-live"))));

    [Theory]
    [InlineData("soon", "is not a number")]
    [InlineData("0", "is not positive")]
    [InlineData("-5", "is not positive")]
    [InlineData("1e9", "is too large")]
    public void Timeout_must_be_a_positive_number(string value, string what) =>
        AssertOneProblem(Problems($"[ollama]\ntimeout = {value}\n"), "[ollama] timeout", what, "set a positive number of seconds");

    [Fact]
    public void A_fractional_timeout_is_fine() => Assert.Empty(Problems("[openai]\ntimeout = 2.5\n"));

    [Theory]
    [InlineData("lots", "is not a whole number")]
    [InlineData("12.5", "is not a whole number")]
    [InlineData("0", "is not positive")]
    [InlineData("-1", "is not positive")]
    public void Max_tokens_must_be_a_positive_whole_number(string value, string what) =>
        AssertOneProblem(Problems($"[anthropic]\nmax_tokens = {value}\n"), "[anthropic] max_tokens", what, "set a positive whole number");

    [Theory]
    [InlineData("hot", "is not a number")]
    [InlineData("NaN", "is not a number")]
    [InlineData("2.5", "is outside 0 to 2")]
    [InlineData("-0.1", "is outside 0 to 2")]
    public void Temperature_must_be_a_number_from_0_to_2(string value, string what) =>
        AssertOneProblem(Problems($"[openai]\ntemperature = {value}\n"), "[openai] temperature", what, "set a number from 0 to 2");

    [Theory]
    [InlineData("0")]
    [InlineData("2")]
    [InlineData("1.0")]
    public void Temperature_bounds_are_inclusive(string value) => Assert.Empty(Problems($"[openai]\ntemperature = {value}\n"));

    [Theory]
    [InlineData("openai", "not a url")]
    [InlineData("openai", "ftp://files.example")]
    [InlineData("anthropic", "api.anthropic.com")]
    public void Base_url_must_be_an_absolute_http_url(string section, string value) =>
        AssertOneProblem(Problems($"[{section}]\nbase_url = {value}\n"), $"[{section}] base_url", "is not a valid URL", "absolute http(s) URL");

    [Fact]
    public void Ollama_host_must_be_a_url_or_host_port() =>
        AssertOneProblem(Problems("[ollama]\nhost = ftp://box\n"), "[ollama] host", "is not a valid URL", "host:port");

    [Fact]
    public void Empty_model_is_reported() =>
        AssertOneProblem(Problems("[openai]\nmodel =\n"), "[openai] model is empty", "model = gpt-4o-mini");

    [Fact]
    public void Every_problem_is_listed_at_once_including_unselected_sections()
    {
        var ini = "[llm]\nservice = openai\n[ollama]\ntimeout = 0\nhost = ftp://x\n[openai]\nmax_tokens = x\ntemperature = 3\n"
            + "base_url = nope\ntimeout = y\n[anthropic]\nmodel =\nmax_tokens = -1\n";

        var problems = Problems(ini);

        string[] expected =
        [
            "[anthropic] model", "[openai] api_key", "[ollama] timeout", "[ollama] host", "[openai] max_tokens", "[openai] temperature",
            "[openai] base_url", "[openai] timeout", "[anthropic] max_tokens",
        ];
        Assert.Equal(expected.Length, problems.Count);
        foreach (var key in expected)
        {
            Assert.Single(problems, p => p.StartsWith(key, StringComparison.Ordinal));
        }

        var error = Assert.Throws<LlmConfigurationException>(() => LlmConfiguration.ThrowIfInvalid(LlmConfiguration.Bind(LlmConfiguration.BuildFromText(ini, NoEnv()))));
        Assert.Equal(problems, error.Problems);
        Assert.All(problems, p => Assert.Contains(p, error.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Unset_optional_values_in_other_sections_are_not_problems() =>
        Assert.Empty(Problems("[llm]\nservice = ollama\n[openai]\nbase_url =\napi_key =\n"));

    [Fact]
    public void Problems_are_grouped_by_section_llm_first()
    {
        var problems = Problems("[anthropic]\nmodel =\n[openai]\ntimeout = x\n[llm]\nservice = nope\n[ollama]\ntimeout = -1\n");

        Assert.Equal(["[llm]", "[ollama]", "[openai]", "[anthropic]"], problems.Select(p => p[..(p.IndexOf(']', StringComparison.Ordinal) + 1)]));
    }
}
