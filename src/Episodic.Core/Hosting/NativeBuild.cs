using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Episodic.Core.Hosting;

/// <summary>
/// What the native (Native AOT) <c>episodic</c> binary leaves out. Every guard is the same two lines,
/// <c>if (!NativeBuild.IsJit) throw JitOnlyException.For(...)</c>, in a method that is not async: the AOT compiler
/// folds <see cref="IsJit"/> to false, and then drops the code after it from the native binary. That is how the paths
/// whose dependencies need reflection (the LLM SDKs) stay out of it while the dotnet tool keeps them.
/// The throw cannot move into a helper method: the compiler does not see that a call always throws, so it would keep
/// (and warn about) everything after it.
/// </summary>
public static class NativeBuild
{
    /// <summary>
    /// True in the JIT build (the dotnet tool), false in the native binary. A feature guard for
    /// <see cref="RequiresDynamicCodeAttribute"/>: the AOT compiler treats it as the constant false, as it does
    /// <see cref="RuntimeFeature.IsDynamicCodeSupported"/>, so a branch on it is folded where it is tested.
    /// </summary>
    [FeatureGuard(typeof(RequiresDynamicCodeAttribute))]
    public static bool IsJit => RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>The command to use instead, named in every "not in the native binary" message.</summary>
    public const string ToolHint = "use the dotnet tool instead (dotnet tool install --global Episodic.Cli)";
}

/// <summary>A feature that only the JIT build (the dotnet tool) has; the message says which and what to use instead.</summary>
public sealed class JitOnlyException : NotSupportedException
{
    public JitOnlyException()
    {
    }

    public JitOnlyException(string message)
        : base(message)
    {
    }

    public JitOnlyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>"<paramref name="feature"/> is not in the native episodic binary (<paramref name="why"/>); use the dotnet tool ...".</summary>
    public static JitOnlyException For(string feature, string why) =>
        new($"{feature} is not in the native episodic binary ({why}); {NativeBuild.ToolHint}");
}
