using System.Net.Http.Headers;
using Episodic.Llm.Providers;
using Xunit;

namespace Episodic.Tests.Providers;

public sealed class RetryAfterParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Theory]
    [InlineData("7", 7)]
    [InlineData(" 7 ", 7)]
    [InlineData("0", 0)]
    [InlineData("-3", 0)]
    [InlineData("1.5", 1.5)]
    public void Seconds(string value, double expected) =>
        Assert.Equal(TimeSpan.FromSeconds(expected), RetryAfterParser.Parse(value, Now));

    [Fact]
    public void Http_date_is_relative_to_now() =>
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfterParser.Parse(Now.AddSeconds(30).ToString("R"), Now));

    [Fact]
    public void Past_date_means_retry_now() =>
        Assert.Equal(TimeSpan.Zero, RetryAfterParser.Parse(Now.AddMinutes(-1).ToString("R"), Now));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    public void Missing_or_garbage_is_null(string? value) => Assert.Null(RetryAfterParser.Parse(value, Now));

    [Fact]
    public void Typed_header_with_delta() =>
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfterParser.Parse(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), Now));
}
