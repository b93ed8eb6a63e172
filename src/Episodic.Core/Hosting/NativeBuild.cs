using System.Runtime.CompilerServices;

namespace Episodic.Core.Hosting;

/// <summary>
/// What the native (Native AOT) <c>episodic</c> binary leaves out. The check is
/// <see cref="RuntimeFeature.IsDynamicCodeSupported"/>, a constant to the AOT compiler. Guards test that property
/// directly (<c>if (!RuntimeFeature.IsDynamicCodeSupported) throw JitOnlyException.For(...)</c>, in a method that is not
/// async): the compiler folds only the direct call, and then drops the code after it from the native binary. That is
/// how the paths whose dependencies need reflection (the LLM SDKs, the HTTP server) stay out of it while the dotnet
/// tool keeps them.
/// </summary>
public static class NativeBuild
{
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
