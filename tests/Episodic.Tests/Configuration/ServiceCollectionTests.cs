using Episodic.Llm.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;
using static Episodic.Tests.Configuration.ConfigTestData;

namespace Episodic.Tests.Configuration;

/// <summary>The options-pattern registration: bound from configuration, validated on start with every problem.</summary>
public sealed class ServiceCollectionTests
{
    private static ServiceProvider Provider(string ini)
    {
        var services = new ServiceCollection();
        services.AddLlmSettings(LlmConfiguration.BuildFromText(ini, NoEnv()));
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Valid_settings_bind_and_pass_start_validation()
    {
        using var provider = Provider("[llm]\nservice = openai\n[openai]\napi_key = k\nmodel = m\n");

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("m", provider.GetRequiredService<IOptions<LlmSettings>>().Value.OpenAI.Model);
    }

    [Fact]
    public void Start_validation_reports_every_problem_by_ini_key()
    {
        using var provider = Provider("[llm]\nservice = openai\n[openai]\nmodel =\ntimeout = 0\n");

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, f => f.StartsWith("[openai] model is empty", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("[openai] api_key", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("[openai] timeout", StringComparison.Ordinal));
        Assert.Equal(3, error.Failures.Count());
    }
}
