using System.Resources;

[assembly: NeutralResourcesLanguage("es")]

namespace Puente.Web;

/// <summary>Marker for the one resource set that holds every string a person reads (es, en, ht).</summary>
internal sealed class SharedResource;
