using Microsoft.Extensions.Options;

namespace Episodic.Llm.Configuration;

/// <summary>
/// The attribute-based checks on <see cref="LlmSettings"/> (required names), validated by source-generated code:
/// no reflection at run time, and the nested sections are followed through <c>[ValidateObjectMembers]</c>.
/// </summary>
[OptionsValidator]
internal sealed partial class LlmSettingsAnnotations : IValidateOptions<LlmSettings>;
