using Episodic.Llm.Providers;
using Microsoft.Extensions.AI;

namespace Episodic.Llm.Resilience;

/// <summary>
/// One backend ready for the pipeline: the wrapped chat client and a live view of its circuit, so the pipeline can
/// skip an open backend without calling it.
/// </summary>
public sealed record BackendClient(BackendKind Kind, string Name, IChatClient Chat, Func<CircuitState> Circuit);
