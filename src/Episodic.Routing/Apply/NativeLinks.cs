using System.Runtime.InteropServices;

namespace Episodic.Routing.Apply;

/// <summary>Thrown when a hard link would cross file systems; the caller falls back to a verified copy.</summary>
public sealed class CrossDeviceException : IOException
{
    public CrossDeviceException()
    {
    }

    public CrossDeviceException(string message)
        : base(message)
    {
    }

    public CrossDeviceException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>Hard links: .NET has symbolic links only, so link(2) on Unix and CreateHardLinkW on Windows.</summary>
internal static partial class NativeLinks
{
    private const int UnixCrossDevice = 18; // EXDEV on Linux and macOS
    private const int WindowsNotSameDevice = 17; // ERROR_NOT_SAME_DEVICE

    public static void Create(string source, string destination)
    {
        try
        {
            CreateCore(source, destination);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // No usable link(2) here: treat it like a device boundary, so the caller copies instead of failing.
            throw new CrossDeviceException($"hard links are not available on this system ({ex.Message})", ex);
        }
    }

    private static void CreateCore(string source, string destination)
    {
        int error;
        if (OperatingSystem.IsWindows())
        {
            if (CreateHardLink(destination, source, IntPtr.Zero))
            {
                return;
            }

            error = Marshal.GetLastPInvokeError();
            if (error == WindowsNotSameDevice)
            {
                throw new CrossDeviceException($"cannot hard-link across devices: '{source}' → '{destination}'");
            }
        }
        else
        {
            if (Link(source, destination) == 0)
            {
                return;
            }

            error = Marshal.GetLastPInvokeError();
            if (error == UnixCrossDevice)
            {
                throw new CrossDeviceException($"cannot hard-link across devices: '{source}' → '{destination}'");
            }
        }

        throw new IOException($"cannot hard-link '{source}' → '{destination}' (error {error}: {Marshal.GetPInvokeErrorMessage(error)})");
    }

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string newPath);

    [LibraryImport("kernel32.dll", EntryPoint = "CreateHardLinkW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CreateHardLink(string newPath, string existing, IntPtr securityAttributes);
}
