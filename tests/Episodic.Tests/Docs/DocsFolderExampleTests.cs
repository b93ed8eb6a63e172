using Xunit;

namespace Episodic.Tests.Docs;

/// <summary>
/// The examples in docs/*.md, run as <see cref="DocExampleTests"/> runs README.md's: a class of their own so the two
/// sets run in parallel (xUnit runs one class's cases one after another) and the doc tests stay well under a minute.
/// </summary>
public sealed class DocsFolderExampleTests
{
    public static TheoryData<string> Examples() => DocExampleTests.ExamplesOf(doc => doc != "README.md");

    [Theory]
    [MemberData(nameof(Examples))]
    public Task Example_runs_as_documented(string id) => DocExampleTests.RunExampleAsync(id);
}
