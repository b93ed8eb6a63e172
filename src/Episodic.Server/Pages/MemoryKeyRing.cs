using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Episodic.Server.Pages;

/// <summary>
/// Where the antiforgery keys live: in memory only. ASP.NET Core's default writes a key ring to the user's profile
/// (~/.aspnet); the pages' tokens, like their sessions, need only last as long as the process, so nothing is written.
/// </summary>
internal sealed class MemoryKeyRing : IXmlRepository
{
    private readonly List<XElement> _elements = [];

    private readonly Lock _gate = new();

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (_gate)
        {
            return [.. _elements.Select(e => new XElement(e))];
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_gate)
        {
            _elements.Add(new XElement(element));
        }
    }
}
