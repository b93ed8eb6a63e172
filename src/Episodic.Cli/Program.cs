using System.Runtime.InteropServices;
using System.Text;
using Episodic.Cli;

var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, false, 1 << 16);

// First Ctrl+C (or SIGTERM) asks the command to stop cleanly (route --apply finishes the file in hand); a second
// Ctrl+C ends the process at once. Every file operation is journaled, so even that loses nothing.
using var stop = new CancellationTokenSource();
var presses = 0;
Console.CancelKeyPress += (_, e) =>
{
    if (Interlocked.Increment(ref presses) == 1)
    {
        e.Cancel = true;
        stop.Cancel();
    }
};
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
try
{
    // A table on a terminal fits its width; redirected output uses $COLUMNS or the default.
    int? columns = !Console.IsOutputRedirected && Console.WindowWidth >= 40 ? Console.WindowWidth : null;
    return await CliApp.RunSizedAsync(args, stdin, stdout, Console.Error, columns, stderrIsTerminal: !Console.IsErrorRedirected, stdinIsTerminal: !Console.IsInputRedirected, cancellationToken: stop.Token, stdoutIsTerminal: !Console.IsOutputRedirected);
}
finally
{
    await stdout.FlushAsync();
}
