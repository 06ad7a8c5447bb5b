namespace GovOpenness.Domain.Parsing;

/// <summary>Whether a unit name stands for many bodies ("各县(市、区)政府", "市政府各部门", "省有关单位").</summary>
public static class CollectiveNames
{
    public static bool IsCollective(string name) => UnitRoles.IsCollective(name);
}
