using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Episodic.Llm.Configuration;

/// <summary>Registers <see cref="LlmSettings"/> with the options system, validated when the host starts.</summary>
public static class LlmServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="LlmSettings"/> from <paramref name="configuration"/> (see <see cref="LlmConfiguration.Build"/>)
    /// and validates it on start with <see cref="LlmSettingsValidator"/>. Register it only where an LLM is used: a
    /// start-up failure here must not stop commands that never call a model.
    /// </summary>
    public static OptionsBuilder<LlmSettings> AddLlmSettings(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmSettings>, LlmSettingsValidator>());
        return services.AddOptions<LlmSettings>()
            .Configure(settings => LlmConfiguration.BindInto(configuration, settings))
            .ValidateOnStart();
    }
}
