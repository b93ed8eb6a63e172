using System.Text;
using Episodic.Cli;

var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
var stdin = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8, false, 1 << 16);
try
{
    return await CliApp.RunAsync(args, stdin, stdout, Console.Error, stderrIsTerminal: !Console.IsErrorRedirected);
}
finally
{
    await stdout.FlushAsync();
}
