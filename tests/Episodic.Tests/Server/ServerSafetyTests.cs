using System.Collections.Concurrent;
using System.Net;
using Episodic.Server;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Episodic.Tests.Server;

/// <summary>Fields checked where they enter, errors that speak of fields, logs without query strings.</summary>
public sealed class ServerSafetyTests
{
    private static readonly string[] OneName = ["Show.S01E01.mkv"];

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("5")]
    [InlineData("-1")]
    public async Task Min_confidence_must_be_a_finite_number_from_0_to_1(string value)
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.PostJsonAsync("/route/plan", $"{{\"names\":[\"Show.S01E01.mkv\"],\"library\":\"/lib\",\"min_confidence\":{value}}}");

        await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, "min_confidence");
    }

    [Theory]
    [InlineData("{\"names\": 5}", "The field 'names' has the wrong type: 'names' must be an array of strings")]
    [InlineData("{\"names\": [\"a\", 7]}", "The field 'names[1]' has the wrong type")]
    [InlineData("{\"names\": [\"a\"", "not well-formed JSON")]
    public async Task Bad_json_is_described_by_field_never_by_dotnet_type(string body, string expected)
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.PostJsonAsync("/parse/batch", body);

        var problem = await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, expected);
        Assert.DoesNotContain("System.", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{show}{ext}", "reads back as")] // every episode of a show on one path
    [InlineData("{show}/{show} - {nope}{ext}", "unknown placeholder '{nope}'")]
    [InlineData("/abs/{show} - S{season:00}E{episode:00}{ext}", "relative to the library root")]
    [InlineData("{show}/../{show} - S{season:00}E{episode:00}{ext}", "'..'")]
    public async Task Route_plan_refuses_a_template_route_would_refuse(string template, string problem)
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.PostJsonAsync("/route/plan", System.Text.Json.JsonSerializer.Serialize(new { names = OneName, library = "/lib", template }));

        var detail = (await ProblemAssert.IsAsync(response, HttpStatusCode.BadRequest, problem)).GetProperty("detail").GetString();
        Assert.StartsWith("template", detail, StringComparison.Ordinal); // names the request field
        var cli = Episodic.Routing.Templates.TemplateValidator.Problems(new Episodic.Routing.Planning.RoutingOptions { LibraryRoot = "/lib", Template = template }, Episodic.Routing.Planning.RouteLayout.Season, "template");
        Assert.Equal(string.Join("; ", cli), detail);
    }

    [Fact]
    public async Task Route_plan_takes_a_custom_template_that_reads_back()
    {
        await using var server = await RunningServer.StartAsync();

        var response = await server.PostJsonAsync("/route/plan", "{\"names\":[\"Show.S01E02.mkv\"],\"library\":\"/lib\",\"template\":\"{show}/S{season:00}/{show}.S{season:00}E{episode:00}{ext}\"}");

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(HttpStatusCode.OK == response.StatusCode, text);
        Assert.Contains("\"relative_path\":\"Show/S01/Show.S01E02.mkv\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Existing_shows_are_capped_and_matched_through_the_index()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { MaxExistingShows = 3 });

        var over = await server.PostJsonAsync("/route/plan", "{\"names\":[\"x.s01e01.mkv\"],\"library\":\"/lib\",\"existing_shows\":[\"a\",\"b\",\"c\",\"d\"]}");
        await ProblemAssert.IsAsync(over, HttpStatusCode.BadRequest, "at most 3");

        var ok = await server.PostJsonAsync("/route/plan", "{\"names\":[\"the.office.us.s01e01.mkv\"],\"library\":\"/lib\",\"existing_shows\":[\"The Office (UK)\",\"The Office (US)\",\"Other\"]}");
        var text = await ok.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(HttpStatusCode.OK == ok.StatusCode, text);
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        Assert.Equal("The Office (US)", doc.RootElement.GetProperty("items")[0].GetProperty("show_folder").GetString());
    }

    [Fact]
    public async Task Requests_are_logged_at_debug_without_the_query_string()
    {
        var lines = new ConcurrentQueue<(LogLevel Level, string Category, string Message)>();
        var options = new ServerOptions { LogLevel = LogLevel.Debug, ConfigureLogging = b => b.AddProvider(new Capture(lines)) };
        await using (var server = await RunningServer.StartAsync(options))
        {
            using var response = await server.PostJsonAsync("/parse?api_key=hunter2-secret", "{\"name\":\"Show.S01E01.mkv\"}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Contains(lines, l => l.Level == LogLevel.Debug && l.Message.StartsWith("POST /parse -> 200 in ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Message.Contains("hunter2", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Level >= LogLevel.Information && l.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_sink_the_pipelines_configuration_warnings_go_to_the_server_log()
    {
        var lines = new ConcurrentQueue<(LogLevel Level, string Category, string Message)>();
        var options = new ServerOptions
        {
            UseLlm = true,
            Configuration = Episodic.Llm.Configuration.LlmConfiguration.BuildFromText(null, new Dictionary<string, string?>
            {
                ["EPISODIC_LLM__SERVICE"] = "ollama",
                ["EPISODIC_LLM__CHAIN"] = "ollama, anthropic",
                ["OLLAMA_HOST"] = "http://127.0.0.1:1",
                ["EPISODIC_OLLAMA__MODEL"] = "m",
            }),
            Overrides = new Episodic.Llm.Pipeline.PipelineOverrides { NoCache = true },
            ConfigureLogging = b => b.AddProvider(new Capture(lines)),
        };
        await using (await RunningServer.StartAsync(options))
        {
        }

        Assert.Contains(lines, l => l.Level == LogLevel.Warning && l.Category == "Episodic.Llm" && l.Message.StartsWith("anthropic is in [llm] chain but not usable", StringComparison.Ordinal));
    }

    private sealed class Capture(ConcurrentQueue<(LogLevel, string, string)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(LogLevel, string, string)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((logLevel, category, formatter(state, exception)));
        }
    }
}
