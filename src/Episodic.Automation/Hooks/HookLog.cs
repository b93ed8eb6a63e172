using System.Text;

namespace Episodic.Automation.Hooks;

/// <summary>
/// The hook's own log: one line per run, appended; when the next line would take the file past
/// <see cref="MaxBytes"/> it is rotated (hook.log → hook.log.1 → … → hook.log.<see cref="Keep"/>, the oldest dropped),
/// so a client that runs the hook for years never fills the disk.
/// </summary>
public sealed class HookLog(string path, long maxBytes = HookLog.DefaultMaxBytes, int keep = HookLog.DefaultKeep)
{
    /// <summary>The default <see cref="MaxBytes"/>: 1 MiB.</summary>
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>The default <see cref="Keep"/>: five rotated files.</summary>
    public const int DefaultKeep = 5;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public long MaxBytes { get; } = maxBytes > 0 ? maxBytes : throw new ArgumentOutOfRangeException(nameof(maxBytes));

    public int Keep { get; } = keep >= 0 ? keep : throw new ArgumentOutOfRangeException(nameof(keep));

    /// <summary>Appends <paramref name="line"/> (newlines in it become spaces), rotating first when it would not fit.</summary>
    public void Append(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var bytes = Encoding.UTF8.GetBytes(line.ReplaceLineEndings(" ") + "\n");
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        if (File.Exists(Path) && new FileInfo(Path).Length + bytes.Length > MaxBytes)
        {
            Rotate();
        }

        using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(bytes);
    }

    private void Rotate()
    {
        if (Keep == 0)
        {
            File.Delete(Path);
            return;
        }

        File.Delete($"{Path}.{Keep}");
        for (var i = Keep - 1; i >= 1; i--)
        {
            if (File.Exists($"{Path}.{i}"))
            {
                File.Move($"{Path}.{i}", $"{Path}.{i + 1}");
            }
        }

        File.Move(Path, $"{Path}.1");
    }
}
