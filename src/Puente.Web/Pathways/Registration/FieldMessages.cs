using Puente.Web.Pathways.Requests;

namespace Puente.Web.Pathways.Registration;

/// <summary>Turns a use case's field paths (e.g. <c>companions[1].birthDate</c>) into translated messages.</summary>
internal static class FieldMessages
{
    /// <summary>The resource key that explains what is wrong with a field.</summary>
    public static string KeyFor(string path)
    {
        var field = path[(path.LastIndexOf('.') + 1)..];
        return field switch
        {
            "email" => "Field_Email",
            "phone" => "Field_Phone",
            "password" => "Field_Password",
            "preferredLanguage" => "Field_Language",
            "givenNames" => "Field_GivenNames",
            "familyNames" => "Field_FamilyNames",
            "birthDate" => "Field_BirthDate",
            "nationality" => "Field_Nationality",
            "companions" => "Field_Companions",
            "ports" => "Field_Ports",
            "travellers" => "Field_Travellers",
            "serviceDate" => "Field_ServiceDate",
            _ => "Field_Generic",
        };
    }

    /// <summary>Which person a path is about: -1 for the applicant, the companion's index, or null.</summary>
    public static int? PersonIndex(string path) =>
        path.StartsWith("applicant", StringComparison.Ordinal) ? -1
        : path.StartsWith("companions[", StringComparison.Ordinal) && int.TryParse(path[11..path.IndexOf(']', StringComparison.Ordinal)], out var i) ? i
        : null;
}
