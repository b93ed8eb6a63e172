using System.IO.Hashing;
using System.Text;
using Episodic.Core.Parsing;
using Episodic.Routing.Apply;
using Episodic.Routing.Planning;
using Episodic.Routing.Reporting;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>A real temp directory with a download folder and a library, plus helpers to create and fingerprint files.</summary>
internal sealed class RoutingFixture : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("episodic-route-");

    public RoutingFixture()
    {
        Directory.CreateDirectory(Downloads);
        Directory.CreateDirectory(Library);
    }

    public string Root => _root.FullName;

    public string Downloads => Path.Join(Root, "downloads");

    public string Library => Path.Join(Root, "library");

    public string Anime => Path.Join(Root, "anime");

    public string Journal => Path.Join(Root, "journal.jsonl");

    public RoutingOptions Options => new() { LibraryRoot = Library, AnimeRoot = Anime };

    /// <summary>Writes a small file with content unique to its name (or the given content); returns its full path.</summary>
    public string Write(string relative, string? content = null, string? under = null)
    {
        var path = Path.Join(under ?? Downloads, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content ?? $"episode bytes of {relative}\n");
        return path;
    }

    public string Folder(string relative, string? under = null) => Directory.CreateDirectory(Path.Join(under ?? Library, relative)).FullName;

    public Task<RoutePlan> PlanAsync(RoutingOptions? options = null, params string[] sources) =>
        RoutePlanner.PlanAsync(sources.Length > 0 ? sources : [Downloads], options ?? Options, RuleParser.Default.Parse, cancellationToken: TestContext.Current.CancellationToken);

    public RouteSummary Apply(RoutePlan plan, ApplyOptions? options = null) => RouteExecutor.Apply(plan, Journal, options, cancellationToken: TestContext.Current.CancellationToken);

    /// <summary>Every file under the temp root except journals, as relative path → CRC32 and length.</summary>
    public Dictionary<string, string> Snapshot(string? under = null)
    {
        var root = under ?? Root;
        return Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".jsonl", StringComparison.Ordinal) && !IsOwnState(f))
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), Fingerprint, StringComparer.Ordinal);
    }

    /// <summary>Episodic's own files in a library's .episodic folder (journals, the lock), not library content.</summary>
    private static bool IsOwnState(string path) => Path.GetFileName(Path.GetDirectoryName(path)) == ".episodic";

    public static string Fingerprint(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return $"{bytes.Length}:{Crc32.HashToUInt32(bytes):X8}";
    }

    /// <summary>All file contents under the root (journals excluded), for "nothing lost, nothing duplicated" checks.</summary>
    public List<string> Contents() =>
        Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".jsonl", StringComparison.Ordinal) && !IsOwnState(f)).Select(File.ReadAllText).Order(StringComparer.Ordinal).ToList();

    public static string CrcTag(string content) => Crc32.HashToUInt32(Encoding.UTF8.GetBytes(content)).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Simulates the process dying: thrown from inside an operation, it is not caught per file.</summary>
internal sealed class SimulatedCrashException : OperationCanceledException
{
    public SimulatedCrashException()
        : base("simulated crash")
    {
    }
}

/// <summary>
/// Real file operations that "crash" on the (N+1)th primitive. With <paramref name="afterOperation"/> the crash
/// comes right after the operation took effect (before its journal "done"), otherwise right before it.
/// </summary>
internal sealed class CrashingOps(int crashAt, bool afterOperation, bool crossDevice = false) : FileOps
{
    private int _count;

    public bool Crashed { get; private set; }

    public override bool SameDevice(string source, string destination) => !crossDevice && base.SameDevice(source, destination);

    public override void Rename(string source, string destination) => Step(() => base.Rename(source, destination));

    public override void Delete(string path) => Step(() => base.Delete(path));

    public override uint CopyToTemp(string source, string temp)
    {
        uint crc = 0;
        Step(() => crc = base.CopyToTemp(source, temp));
        return crc;
    }

    private void Step(Action operation)
    {
        _count++;
        if (_count == crashAt + 1 && !afterOperation)
        {
            Crashed = true;
            throw new SimulatedCrashException();
        }

        operation();
        if (_count == crashAt + 1)
        {
            Crashed = true;
            throw new SimulatedCrashException();
        }
    }
}

/// <summary>Fails (not crashes) every operation on one file, to show the others still go through.</summary>
internal sealed class FailingOps(string failingName) : FileOps
{
    public override void Rename(string source, string destination)
    {
        if (source.Contains(failingName, StringComparison.Ordinal))
        {
            throw new IOException("disk says no");
        }

        base.Rename(source, destination);
    }
}
