namespace Episodic.Server.Pages;

/// <summary>What the page handlers share: the server's options (libraries, metadata, caches), sign-in sessions and post outcomes.</summary>
internal sealed record UiState(ServerOptions Options, UiSessions Sessions, UiFlash Flash);
