using System.Security.Cryptography;

namespace Episodic.Routing.Journal;

/// <summary>
/// The per-user secret that signs journals (HMAC-SHA256, <see cref="JournalLine"/>). It lives outside every library
/// (<c>$EPISODIC_JOURNAL_KEY_FILE</c>, else <c>$XDG_CONFIG_HOME/episodic/journal.key</c>, else
/// <c>~/.config/episodic/journal.key</c>; on Windows the roaming application data folder) and is made on first use,
/// readable by its owner only. Whoever can write a library but not read this file cannot forge a journal that resume
/// or undo will act on: a CRC can be recomputed by anyone, a MAC only with the key.
/// </summary>
public sealed class JournalKey
{
    /// <summary>The variable that names the key file (tests, or several users sharing one key on purpose).</summary>
    public const string FileVariable = "EPISODIC_JOURNAL_KEY_FILE";

    private const int KeyBytes = 32;

    private static readonly Lazy<JournalKey> Default = new(() => Load(DefaultPath()), LazyThreadSafetyMode.PublicationOnly);

    private readonly byte[] _key;

    private JournalKey(byte[] key, string path)
    {
        _key = key;
        Path = path;
    }

    /// <summary>Where the key was read from (never the key itself).</summary>
    public string Path { get; }

    /// <summary>This user's key, made on first use.</summary>
    /// <exception cref="JournalKeyException">The key file cannot be made or read, or is not a key.</exception>
    public static JournalKey Current => Default.Value;

    /// <summary>
    /// The key file's path: <see cref="FileVariable"/>, else <c>$XDG_CONFIG_HOME/episodic/journal.key</c> (an absolute
    /// XDG_CONFIG_HOME only, as the XDG spec says), else <c>$HOME/.config/episodic/journal.key</c>; on Windows the
    /// roaming application data folder. The folders need not exist yet: <see cref="Load"/> makes them (a fresh
    /// container or a service account has no <c>~/.config</c>).
    /// </summary>
    /// <exception cref="JournalKeyException">None of <see cref="FileVariable"/>, XDG_CONFIG_HOME and HOME is set.</exception>
    public static string DefaultPath()
    {
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } explicitPath)
        {
            return System.IO.Path.GetFullPath(explicitPath);
        }

        string? config;
        if (OperatingSystem.IsWindows())
        {
            config = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        }
        else if (Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg && System.IO.Path.IsPathFullyQualified(xdg))
        {
            config = xdg;
        }
        else
        {
            config = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } home ? System.IO.Path.Join(home, ".config") : null;
        }

        if (string.IsNullOrEmpty(config))
        {
            throw new JournalKeyException($"there is no configuration folder for the journal key (HOME is not set); set HOME, XDG_CONFIG_HOME, or {FileVariable} to a file only you can read");
        }

        return System.IO.Path.Join(config, "episodic", "journal.key");
    }

    /// <summary>The key in <paramref name="path"/>, made (32 random bytes as hex, mode 0600) when the file does not exist.</summary>
    /// <exception cref="JournalKeyException">The file cannot be made or read, or does not hold a key.</exception>
    public static JournalKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            if (!File.Exists(path))
            {
                Create(path);
            }

            var text = File.ReadAllText(path).Trim();
            if (text.Length != KeyBytes * 2 || !IsHex(text))
            {
                throw new JournalKeyException($"the journal key file '{path}' does not hold a key ({KeyBytes * 2} hex digits); restore it from a backup, or delete it to start a new key (journals signed with the old key can then no longer be resumed or undone)");
            }

            return new JournalKey(Convert.FromHexString(text), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new JournalKeyException($"cannot read or make the journal key file '{path}': {ex.Message}; check its folder's permissions, or set {FileVariable}", ex);
        }
    }

    /// <summary>A key from raw bytes, for tests that need a second (attacker's) key.</summary>
    internal static JournalKey FromBytes(byte[] key) => new(key, "(in memory)");

    /// <summary>HMAC-SHA256 of <paramref name="previous"/> (the previous line's MAC; empty for the header) followed by <paramref name="body"/>.</summary>
    internal byte[] Sign(ReadOnlySpan<byte> previous, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(previous);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    /// <summary>
    /// HMAC-SHA256 (64 hex digits) of a record Episodic keeps beside the journals (the review queue's rows), under its
    /// own <paramref name="purpose"/> label: a record signed so can never pass as a journal line, nor one purpose's
    /// record as another's. A record planted by someone without the key fails <see cref="VerifyRecord"/>.
    /// </summary>
    public string SignRecord(string purpose, ReadOnlySpan<byte> record)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        return Convert.ToHexStringLower(Sign(System.Text.Encoding.UTF8.GetBytes($"episodic-{purpose}:"), record));
    }

    /// <summary>True when <paramref name="mac"/> is this key's <see cref="SignRecord"/> of the record (compared in constant time).</summary>
    public bool VerifyRecord(string purpose, ReadOnlySpan<byte> record, string? mac)
    {
        if (mac is not { Length: 64 })
        {
            return false;
        }

        var expected = System.Text.Encoding.ASCII.GetBytes(SignRecord(purpose, record));
        return CryptographicOperations.FixedTimeEquals(expected, System.Text.Encoding.ASCII.GetBytes(mac));
    }

    private static void Create(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder))
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        // Written under a temp name and moved in without overwriting, so two first runs at once agree on one key.
        var temp = System.IO.Path.Join(folder, $".journal-key-{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var writer = new StreamWriter(temp, System.Text.Encoding.ASCII, options))
        {
            writer.Write(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyBytes)));
            writer.Write('\n');
            writer.Flush();
            ((FileStream)writer.BaseStream).Flush(flushToDisk: true);
        }

        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
    }

    private static bool IsHex(string text) => text.All(Uri.IsHexDigit);
}

/// <summary>The journal key cannot be made or read; nothing was touched.</summary>
public sealed class JournalKeyException : Exception
{
    public JournalKeyException()
    {
    }

    public JournalKeyException(string message)
        : base(message)
    {
    }

    public JournalKeyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
