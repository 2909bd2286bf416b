using System.Collections.Concurrent;
using System.Globalization;
using Puente.Web.Pathways;
using Puente.Web.Pathways.Appointments;
using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Registration;

/// <summary>
/// ISO 3166-1 alpha-3 codes accepted as nationality: stored and sent by the API as the code, shown as
/// the country's name in the reader's language. Spanish and English names come from ICU (the
/// platform's maintained CLDR data); ICU has no Haitian Creole, so Creole reads the resource names
/// <c>Country_{code}</c> (<see cref="NamedInCreole"/>: the Americas, the Caribbean and the countries people
/// at the border come from), and French (CLDR) for the rest.
/// </summary>
internal static class Nationalities
{
    // The full ISO 3166-1 alpha-3 list (249 codes) as of 2024.
    private static readonly HashSet<string> Codes = new(
        """
        ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR BHS BIH BLM BLR BLZ
        BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL COM CPV CRI CUB CUW CXR CYM CYP CZE DEU
        DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC
        GRD GRL GTM GUF GUM GUY HKG HMD HND HRV HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM
        KIR KNA KOR KWT LAO LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG
        MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN PER PHL PLW PNG POL
        PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE SLV SMR SOM SPM SRB SSD STP SUR SVK SVN
        SWE SWZ SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR
        VNM VUT WLF WSM YEM ZAF ZMB ZWE
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The nationalities seen most, offered first; Creole names them from the resources <c>Country_{code}</c>.</summary>
    public static readonly IReadOnlyList<string> Common = ["MEX", "HTI", "VEN", "HND", "GTM", "SLV", "CUB", "COL", "ECU", "NIC", "PER", "BRA"];

    /// <summary>The countries with a Creole name in the resources (<c>Country_{code}</c>), the common ones first.</summary>
    public static readonly IReadOnlyList<string> NamedInCreole =
    [
        .. Common,
        // The Americas and the Caribbean.
        "ARG", "BOL", "CHL", "CRI", "DOM", "PAN", "PRY", "URY", "USA", "CAN", "BLZ", "GUY", "SUR", "GUF", "JAM", "BHS", "BRB", "TTO",
        "PRI", "GLP", "MTQ", "DMA", "GRD", "LCA", "VCT", "ATG", "KNA", "CUW", "ABW", "TCA",
        // Where else people at the border come from.
        "CHN", "IND", "RUS", "TUR", "UKR", "AFG", "SEN", "MRT", "CMR", "GHA", "NGA", "GIN", "COD", "COG", "AGO", "ERI", "ETH", "SOM",
        "SDN", "EGY", "MAR", "BFA", "MLI", "GMB", "SLE", "LBR", "CIV", "TGO", "BEN", "NER", "NPL", "BGD", "PAK", "LKA", "VNM", "UZB",
        "KGZ", "TJK", "KAZ", "GEO", "ARM", "AZE", "BLR", "IRN", "IRQ", "SYR", "YEM", "ESP", "FRA", "DEU", "ITA", "PRT", "GBR", "JPN",
        "KOR", "PHL",
    ];

    public static bool IsKnown(string code) => Codes.Contains(code.Trim());

    /// <summary>Alpha-3 to alpha-2, for every region the platform's culture data knows.</summary>
    private static readonly Lazy<Dictionary<string, string>> TwoLetter = new(() => CultureInfo.GetCultures(CultureTypes.SpecificCultures)
        .Select(c => { try { return new RegionInfo(c.Name); } catch (ArgumentException) { return null; } })
        .OfType<RegionInfo>()
        .Where(r => Codes.Contains(r.ThreeLetterISORegionName))
        .DistinctBy(r => r.ThreeLetterISORegionName)
        .ToDictionary(r => r.ThreeLetterISORegionName, r => r.TwoLetterISORegionName, StringComparer.OrdinalIgnoreCase));

    private static readonly ConcurrentDictionary<string, IReadOnlyList<(string Code, string Name)>> ByLanguage = new();

    /// <summary>Every known country as (code, name in <paramref name="language"/>), sorted by name; <c>ht</c> reads French names.</summary>
    public static IReadOnlyList<(string Code, string Name)> Named(string language) =>
        ByLanguage.GetOrAdd(language == "ht" ? "fr" : language, names =>
        {
            var culture = new CultureInfo(names);
            var saved = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = culture;
            try
            {
                // ICU names a region only within a culture's name, "English (Haiti)"; the part in brackets is the country.
                var prefix = new CultureInfo("en").DisplayName + " (";
                return TwoLetter.Value
                    .Select(c => (Code: c.Key, Name: new CultureInfo("en-" + c.Value).DisplayName))
                    .Where(c => c.Name.StartsWith(prefix, StringComparison.Ordinal) && c.Name.EndsWith(')'))
                    .Select(c => (c.Code, Name: c.Name[prefix.Length..^1]))
                    .OrderBy(c => c.Name, StringComparer.Create(culture, ignoreCase: true))
                    .ToList();
            }
            finally
            {
                CultureInfo.CurrentUICulture = saved;
            }
        });

    /// <summary>The country's name in <paramref name="language"/>, or the code itself when the platform has no name for it.</summary>
    public static string Name(string code, string language) =>
        Named(language).FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase)).Name ?? code.ToUpperInvariant();
}
