using Puente.Domain.Binational.Encounters;

namespace Puente.Domain.Tests.Binational;

public sealed class EncountersCsvTests
{
    [Theory]
    [InlineData(2024, "OCT", 2023, 10)]
    [InlineData(2024, "dec", 2023, 12)]
    [InlineData(2024, "JAN", 2024, 1)]
    [InlineData(2024, "SEP", 2024, 9)]
    public void A_fiscal_month_is_the_calendar_month_of_the_year_before_from_october(int fiscal, string month, int year, int calendarMonth) =>
        Assert.Equal(new DateOnly(year, calendarMonth, 1), EncountersCsv.CalendarMonth(fiscal, month));

    [Theory]
    [InlineData("2025 (FYTD)", 2025)]
    [InlineData(" 2022 ", 2022)]
    public void The_fiscal_year_is_read_with_or_without_the_running_year_mark(string text, int year) =>
        Assert.Equal(year, EncountersCsv.FiscalYear(text));

    [Fact]
    public void Unreadable_lines_are_reported_by_number_and_the_rest_are_read()
    {
        var file = EncountersCsv.Read(new StringReader(
            "Fiscal Year,Month Grouping,Month (abbv),Component,Demographic,Citizenship Grouping,Title of Authority,Encounter Type,Encounter Count\n" +
            "2025 (FYTD),FYTD,NOV,U.S. Border Patrol,UAC,Other,Title 8,Apprehensions,504\n" +
            "FY,FYTD,NOV,U.S. Border Patrol,UAC,Other,Title 8,Apprehensions,1\n" +
            "2025,FYTD,NOV,U.S. Border Patrol,UAC,Other,Title 8,Apprehensions,many\n")).File!;

        var row = Assert.Single(file.Rows);
        Assert.Equal((new DateOnly(2024, 11, 1), "U.S. Border Patrol", "Other", 504L), (row.Month, row.Component, row.Citizenship, row.Count));
        Assert.Equal([("fiscal-year", 3), ("count", 4)], file.Rejected.Select(r => (r.Reason, r.Line)));
    }

    [Fact]
    public void Another_header_is_not_read_as_encounters() =>
        Assert.Null(EncountersCsv.Read(new StringReader("Port Name,State,Port Code\n")).File);
}
