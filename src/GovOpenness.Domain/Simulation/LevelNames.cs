using GovOpenness.Domain.Hierarchy;

namespace GovOpenness.Domain.Simulation;

/// <summary>Chinese names of the levels, for reports.</summary>
public static class LevelNames
{
    public static string Of(BodyLevel level) => level switch
    {
        BodyLevel.Nation => "国家级",
        BodyLevel.Province => "省级",
        BodyLevel.Prefecture => "地级",
        BodyLevel.County => "县级",
        BodyLevel.Township => "乡级",
        BodyLevel.Village => "村级",
        _ => "部门",
    };
}
