using Episodic.Llm.Configuration;
using Episodic.Llm.Providers;
using Xunit;
using static Episodic.Tests.Configuration.ConfigTestData;

namespace Episodic.Tests.Configuration;

/// <summary>API keys and URL passwords never appear in messages or ToString output.</summary>
public sealed class SecretTests
{
    private const string Key = "sk-proj-SECRETSECRETSECRET1234";

    [Fact]
    public void Invalid_settings_with_a_real_key_never_echo_it()
    {
        var ini = $"[llm]\nservice = openai\n[openai]\napi_key = {Key}\nmax_tokens = x\ntemperature = 9\n[anthropic]\napi_key = {Key}\n";
        var settings = LlmConfiguration.Bind(LlmConfiguration.BuildFromText(ini, NoEnv()));

        var problems = LlmConfiguration.Validate(settings);
        var thrown = Assert.Throws<LlmConfigurationException>(() => LlmConfiguration.ThrowIfInvalid(settings));
        var fromBackend = Assert.Throws<LlmConfigurationException>(() => LlmConfiguration.ToBackendOptions(settings, BackendKind.OpenAI));

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.DoesNotContain(Key, p, StringComparison.Ordinal));
        Assert.DoesNotContain(Key, thrown.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Key, fromBackend.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", settings.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Placeholder_and_missing_key_messages_do_not_quote_the_value()
    {
        var settings = LlmConfiguration.Bind(LlmConfiguration.BuildFromText("[llm]\nservice = openai\n[openai]\napi_key = your_secret_value_here\n", NoEnv()));

        var problem = Assert.Single(LlmConfiguration.Validate(settings));

        Assert.DoesNotContain("your_secret_value_here", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Backend_options_to_string_masks_the_key()
    {
        var settings = LlmConfiguration.Bind(LlmConfiguration.BuildFromText("[openai]\n", Env(("OPENAI_API_KEY", Key))));

        var options = LlmConfiguration.ToBackendOptions(settings, BackendKind.OpenAI);

        Assert.Equal(Key, options.ApiKey);
        Assert.DoesNotContain(Key, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("sk-...1234", options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_in_a_bad_url_is_hidden()
    {
        var settings = LlmConfiguration.Bind(LlmConfiguration.BuildFromText("[openai]\nbase_url = htp:/user:hunter2@proxy\n", NoEnv()));

        var problem = Assert.Single(LlmConfiguration.Validate(settings));

        Assert.Contains("[openai] base_url", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", problem, StringComparison.Ordinal);
    }
}
