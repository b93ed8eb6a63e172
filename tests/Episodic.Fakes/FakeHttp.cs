using System.Net;
using System.Net.Sockets;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Episodic.Tests.Fakes;

/// <summary>
/// How every in-process fake listens: WireMock on 127.0.0.1 and a free port, one callback answering every request.
/// One place, so the media, metadata and LLM-provider fakes bind and pick ports the same way.
/// </summary>
public static class FakeHttp
{
    /// <summary>A server answering every request, whatever its method or path, with <paramref name="handle"/>.</summary>
    public static WireMockServer Start(Func<IRequestMessage, IResponseMessage> handle)
    {
        var server = Listen();
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(handle));
        return server;
    }

    /// <summary>A server answering every request with <paramref name="handle"/>, which may wait (a slow or scripted reply).</summary>
    public static WireMockServer Start(Func<IRequestMessage, Task<IResponseMessage>> handle)
    {
        var server = Listen();
        server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(handle));
        return server;
    }

    /// <summary>A loopback port nothing listens on now (released for the caller: a tiny race, fine for tests).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static WireMockServer Listen() =>
        WireMockServer.Start(new WireMock.Settings.WireMockServerSettings { Urls = [$"http://127.0.0.1:{FreePort()}"] });
}
