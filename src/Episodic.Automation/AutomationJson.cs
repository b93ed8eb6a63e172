using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Episodic.Automation.History;
using Episodic.Automation.Review;
using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Routing.Planning;

namespace Episodic.Automation;

/// <summary>
/// The JSON contract of the review queue and run history, written once for <c>episodic review -f json</c>,
/// <c>episodic history -f json</c> and the server's <c>/review</c> and <c>/history</c> responses: snake_case, nulls
/// written, reasons and states as their wire names, the proposal as the one <see cref="EpisodeParse"/> contract.
/// </summary>
public static class AutomationJson
{
    /// <summary>Non-ASCII names stay readable, as every other Episodic JSON output.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>filed, not_found, gone, refused, still_held, failed.</summary>
    public static string Name(AcceptStatus status) => status switch
    {
        AcceptStatus.Filed => "filed",
        AcceptStatus.NotFound => "not_found",
        AcceptStatus.Gone => "gone",
        AcceptStatus.Refused => "refused",
        AcceptStatus.StillHeld => "still_held",
        _ => "failed",
    };

    /// <summary>complete, unfinished, partly_undone, undone, unreadable.</summary>
    public static string Name(RunState state) => state switch
    {
        RunState.Complete => "complete",
        RunState.Unfinished => "unfinished",
        RunState.PartlyUndone => "partly_undone",
        RunState.Undone => "undone",
        _ => "unreadable",
    };

    /// <summary>{"items": [...], "untrusted": [...]}.</summary>
    public static void WriteReviewList(Stream output, IReadOnlyList<ReviewItem> items, IReadOnlyList<string>? untrusted = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        using var w = new Utf8JsonWriter(output, WriterOptions);
        w.WriteStartObject();
        w.WriteStartArray("items");
        foreach (var item in items)
        {
            WriteReviewItem(w, item);
        }

        w.WriteEndArray();
        w.WriteStartArray("untrusted");
        foreach (var path in untrusted ?? [])
        {
            w.WriteStringValue(path);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One held item.</summary>
    public static void WriteReviewItem(Utf8JsonWriter w, ReviewItem item)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(item);
        w.WriteStartObject();
        w.WriteString("id", item.Id);
        w.WriteString("path", item.Path);
        w.WriteString("library", item.Library);
        w.WriteString("anime_library", item.AnimeLibrary);
        w.WriteString("source_root", item.SourceRoot);
        w.WriteString("reason", item.Reason.WireName());
        w.WriteString("detail", item.Detail);
        w.WritePropertyName("proposal");
        EpisodeParseJson.Write(w, item.Proposal);
        w.WriteString("metadata_status", item.MetadataStatus is { } status ? MetadataNames.Of(status) : null);
        w.WritePropertyName("proposed_show");
        WriteShow(w, item.ProposedShow);
        w.WriteStartArray("candidates");
        foreach (var candidate in item.Candidates)
        {
            WriteShow(w, candidate);
        }

        w.WriteEndArray();
        w.WriteString("destination", item.Destination);
        w.WriteString("mode", ReviewStore.ModeName(item.Mode));
        w.WriteNumber("size", item.Size);
        w.WriteString("modified", Time(item.Modified));
        w.WriteString("held_by", item.HeldBy);
        w.WriteString("held_at", Time(item.HeldAt));
        w.WriteEndObject();
    }

    /// <summary>{"status", "message", "id", "destination", "journal", "held_again"}.</summary>
    public static void WriteAcceptOutcome(Stream output, AcceptOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        using var w = new Utf8JsonWriter(output, WriterOptions);
        w.WriteStartObject();
        w.WriteString("status", Name(outcome.Status));
        w.WriteString("message", outcome.Message);
        w.WriteString("id", outcome.Item?.Id);
        w.WriteString("path", outcome.Item?.Path);
        w.WriteString("destination", outcome.Destination);
        w.WriteString("journal", outcome.Journal);
        w.WritePropertyName("held_again");
        if (outcome.HeldAgain is { } again)
        {
            WriteReviewItem(w, again);
        }
        else
        {
            w.WriteNullValue();
        }

        w.WriteEndObject();
    }

    /// <summary>{"runs": [...]}, newest first.</summary>
    public static void WriteRuns(Stream output, IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        using var w = new Utf8JsonWriter(output, WriterOptions);
        w.WriteStartObject();
        w.WriteStartArray("runs");
        foreach (var run in runs)
        {
            WriteRun(w, run);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>One run.</summary>
    public static void WriteRun(Utf8JsonWriter w, RunRecord run)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(run);
        w.WriteStartObject();
        w.WriteString("journal", run.Journal);
        w.WriteString("run", run.Run);
        w.WriteString("library", run.Library);
        w.WriteString("anime_library", run.AnimeLibrary);
        w.WriteString("started", Time(run.Started));
        w.WriteString("ended", run.Ended is { } ended ? Time(ended) : null);
        w.WriteString("command", run.Command);
        w.WriteStartArray("sources");
        foreach (var source in run.Sources)
        {
            w.WriteStringValue(source);
        }

        w.WriteEndArray();
        w.WriteNumber("moved", run.Moved);
        w.WriteNumber("copied", run.Copied);
        w.WriteNumber("linked", run.Linked);
        w.WriteNumber("deduplicated", run.Deduplicated);
        w.WriteNumber("folders_created", run.FoldersCreated);
        w.WriteNumber("undone", run.Undone);
        w.WriteNumber("bytes", run.Bytes);
        w.WriteString("state", Name(run.State));
        w.WriteString("problem", run.Problem);
        w.WriteEndObject();
    }

    private static void WriteShow(Utf8JsonWriter w, ReviewShow? show)
    {
        if (show is null)
        {
            w.WriteNullValue();
            return;
        }

        w.WriteStartObject();
        w.WriteString("id", show.Id.ToString());
        w.WriteString("name", show.Name);
        if (show.Year is { } year)
        {
            w.WriteNumber("year", year);
        }
        else
        {
            w.WriteNull("year");
        }

        w.WriteEndObject();
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
