using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Domain.Alignment;

/// <summary>A department to create for a name a 分工方案 wrote: the name as written, and its id and full name.</summary>
public sealed record NewDepartment(string Written, DivisionDepartment Department);

/// <summary>What confirming the creation of unmatched departments comes to.</summary>
/// <param name="Create">The departments to create, one per distinct full name, in the order asked.</param>
/// <param name="Existing">Names asked for that already match a department (created by an earlier try): nothing to do.</param>
/// <param name="Unknown">Names asked for that the table does not list as unmatched and no department matches.</param>
public sealed record DivisionDepartmentCreation(
    IReadOnlyList<NewDepartment> Create,
    IReadOnlyList<string> Existing,
    IReadOnlyList<string> Unknown)
{
    /// <summary>
    /// Checks the names a person confirmed for creation against what the import listed as unmatched, and
    /// names and numbers the new departments like the existing ones (<see cref="DepartmentCodes"/>).
    /// </summary>
    public static DivisionDepartmentCreation Prepare(
        DivisionResult result,
        IEnumerable<string> requested,
        IReadOnlyList<DivisionDepartment> departments,
        string governmentId,
        string governmentName)
    {
        ArgumentNullException.ThrowIfNull(result);
        var unmatched = result.Unmatched.ToHashSet(StringComparer.Ordinal);
        var taken = departments.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var create = new List<NewDepartment>();
        var existing = new List<string>();
        var unknown = new List<string>();
        foreach (var written in requested.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (DivisionPlanCascade.Match(written, departments) is not null)
            {
                existing.Add(written);
                continue;
            }

            if (!unmatched.Contains(written))
            {
                unknown.Add(written);
                continue;
            }

            var name = DepartmentCodes.FullName(governmentName, written);
            if (create.Any(c => c.Department.Name == name))
            {
                continue;
            }

            var id = DepartmentCodes.Id(governmentId, governmentName, name, taken.Contains);
            taken.Add(id);
            create.Add(new NewDepartment(written, new DivisionDepartment(id, name)));
        }

        return new DivisionDepartmentCreation(create, existing, unknown);
    }
}
