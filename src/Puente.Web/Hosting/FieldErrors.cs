using Microsoft.Extensions.Localization;

namespace Puente.Web.Hosting;

/// <summary>
/// What is wrong with one field of a command: the field's path as the client wrote it
/// (<c>companions[1].birthDate</c>), a stable <see cref="FieldCodes"/> value, and the values its text names
/// (formatted invariantly). The text is the resource <c>Field_{code}</c>, rendered at the edge.
/// </summary>
internal sealed record FieldError(string Field, string Code, params IReadOnlyList<string> Arguments)
{
    /// <summary>The text for people, in the current UI language.</summary>
    public string Text(IStringLocalizer text) => text[$"Field_{Code}", [.. Arguments]];
}

/// <summary>The stable code of every field error. Clients branch on the code; the text is for people.</summary>
internal static class FieldCodes
{
    public const string ServiceDateRequired = "requests.service-date-required";
    public const string ServiceDateOutOfRange = "requests.service-date-out-of-range";
    public const string PortsChoice = "requests.ports-choice";
    public const string PortsNotOffered = "requests.ports-not-offered";
    public const string TravellersRequired = "requests.travellers-required";
    public const string TravellersNotYours = "requests.travellers-not-yours";
    public const string IdempotencyKeyLength = "requests.idempotency-key-length";

    public const string ContactRequired = "registration.contact-required";
    public const string EmailInvalid = "registration.email-invalid";
    public const string PhoneInvalid = "registration.phone-invalid";
    public const string AccountExists = "registration.account-exists";
    public const string LanguageUnsupported = "registration.language-unsupported";
    public const string ApplicantRequired = "registration.applicant-required";
    public const string TooManyCompanions = "registration.too-many-companions";
    public const string PersonMissing = "registration.person-missing";
    public const string GivenNamesRequired = "registration.given-names-required";
    public const string FamilyNamesRequired = "registration.family-names-required";
    public const string BirthDateInvalid = "registration.birth-date-invalid";
    public const string NationalityInvalid = "registration.nationality-invalid";
    public const string NameHiddenCharacters = "registration.name-hidden-characters";
    public const string NameNotLetters = "registration.name-not-letters";
    public const string NameMixedScripts = "registration.name-mixed-scripts";
    public const string ApplicantIdRequired = "registration.applicant-id-required";
    public const string PhotoInvalid = "registration.photo-invalid";
    public const string PersonListedTwice = "registration.person-listed-twice";
    public const string DocumentTypeInvalid = "registration.document-type-invalid";
    public const string DocumentRequired = "registration.document-required";
    public const string DocumentReasonRequired = "registration.document-reason-required";
    public const string DocumentCountryInvalid = "registration.document-country-invalid";
    public const string DocumentNumberInvalid = "registration.document-number-invalid";
    public const string PasswordTooShort = "registration.password-too-short";
    public const string PasswordNeedsDigit = "registration.password-needs-digit";
    public const string PasswordNeedsLower = "registration.password-needs-lower";
    public const string PasswordNeedsUpper = "registration.password-needs-upper";
    public const string PasswordNeedsSymbol = "registration.password-needs-symbol";
    public const string PasswordRefused = "registration.password-refused";

    public const string RoleUnknown = "accounts.role-unknown";
    public const string PortRequired = "accounts.port-required";
    public const string PortsNotForRole = "accounts.ports-not-for-role";
    public const string ConsulateRequired = "accounts.consulate-required";
    public const string ConsulateNotForRole = "accounts.consulate-not-for-role";
    public const string PortUnknown = "accounts.port-unknown";
    public const string ConsulateUnknown = "accounts.consulate-unknown";

    public const string DatePast = "capacity.date-past";
    public const string SlotsCount = "capacity.slots-count";
    public const string StartInvalid = "capacity.start-invalid";
    public const string StartRepeated = "capacity.start-repeated";
    public const string CapacityInvalid = "capacity.capacity-invalid";

    // Ports: wait times, flows and closure costs
    public const string LaneUnknown = "ports.lane-unknown";
    public const string CrossingLaneUnknown = "ports.crossing-lane-unknown";
    public const string DateInvalid = "ports.date-invalid";
    public const string DateRequired = "ports.date-required";
    public const string MonthInvalid = "flows.month-invalid";
    public const string MeasureUnknown = "flows.measure-unknown";
    public const string ClosureEndsBeforeStart = "costs.ends-before-start";
    public const string ClosureTooLong = "costs.too-long";
    public const string LaneReasonMismatch = "ports.reason-mismatch";
    public const string ReopeningInvalid = "ports.reopening-invalid";
    public const string ClosureDatesInvalid = "ports.closure-dates-invalid";
    public const string CaseTextRequired = "protection.text-required";
    public const string CaseStateInvalid = "protection.state-invalid";
    public const string CaseCountyInvalid = "protection.county-invalid";
    public const string CaseCountyUnmapped = "protection.county-unmapped";
    public const string CaseCategoryRequired = "protection.category-required";
    public const string CaseSubtypeInvalid = "protection.subtype-invalid";
    public const string CaseUrgencyRequired = "protection.urgency-required";
    public const string CaseConsentRequired = "protection.consent-required";
    public const string CaseOverrideSupervisorsOnly = "protection.override-supervisors-only";
    public const string CaseReasonRequired = "protection.reason-required";
    public const string CaseActionInvalid = "protection.action-invalid";
    public const string CaseAssignSelfOnly = "protection.assign-self-only";
    public const string CaseAssigneeRequired = "protection.assignee-required";
    public const string CaseAssigneeUnknown = "protection.assignee-unknown";

    // Binational: the period of the figures
    public const string PeriodReversed = "binational.period-reversed";
    public const string PeriodTooLong = "binational.period-too-long";
    public const string SimulationDays = "simulator.days";
    public const string SimulationScale = "simulator.capacity-scale";
    public const string SimulationPriority = "simulator.priority";
    public const string SimulationRate = "simulator.rate";
    public const string SimulationReentry = "simulator.reentry";
    public const string SimulationPortUnknown = "simulator.port-unknown";
    public const string SimulationPortCapacity = "simulator.port-capacity";
    public const string SimulationSeed = "simulator.seed";
    public const string SimulationPortCapacityFormat = "simulator.port-capacity-format";
    public const string SimulationClosureFormat = "simulator.closure-format";
}
