using System.Text;
using System.Text.Json.Nodes;

namespace Episodic.Tests.Fakes;

/// <summary>
/// Kodi's web server on 127.0.0.1: <c>POST /jsonrpc</c> behind basic auth; <c>VideoLibrary.Scan</c> answers
/// <c>{"id":1,"jsonrpc":"2.0","result":"OK"}</c>, an unknown method Kodi's JSON-RPC error, a wrong password 401.
/// </summary>
public sealed class FakeKodiServer(string user, string password) : FakeMediaServer
{
    protected override MediaReply Answer(MediaRequest request)
    {
        if (request.Header("Authorization") != "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")))
        {
            return ErrorReply(401);
        }

        if (request.Method != "POST" || request.Path != "/jsonrpc")
        {
            return ErrorReply(404);
        }

        var call = JsonNode.Parse(request.Body)!.AsObject();
        var id = call["id"]?.DeepClone();
        var reply = call["method"]?.GetValue<string>() == "VideoLibrary.Scan"
            ? new JsonObject { ["id"] = id, ["jsonrpc"] = "2.0", ["result"] = "OK" }
            : new JsonObject { ["error"] = new JsonObject { ["code"] = -32601, ["message"] = "Method not found." }, ["id"] = id, ["jsonrpc"] = "2.0" };
        return new MediaReply(200, "application/json", reply.ToJsonString());
    }

    protected override MediaReply ErrorReply(int status) => status == 401
        ? new MediaReply(401, "text/html", "<html><head><title>Unauthorized</title></head><body>401 Unauthorized</body></html>")
        : new MediaReply(status, "text/html", $"<html><body>{status}</body></html>");
}
