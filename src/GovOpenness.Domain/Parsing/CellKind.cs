namespace GovOpenness.Domain.Parsing;

/// <summary>What a task-table cell holds, judged from its words alone (for rows whose cells do not line up with the header).</summary>
internal enum CellKind
{
    /// <summary>Nothing.</summary>
    Empty,

    /// <summary>A 序号: "3", "3.", "３".</summary>
    Number,

    /// <summary>A section: "一、以公开助力经济平稳健康发展。".</summary>
    Section,

    /// <summary>A sub-section: "（一）加强涉及市场主体的信息公开。".</summary>
    Group,

    /// <summary>A time limit: "持续推进", "年底前", "2022年6月至12月".</summary>
    Deadline,

    /// <summary>A list of units: "办公室牵头,各科室配合", "市政府各有关部门".</summary>
    Units,

    /// <summary>Prose: a task or a requirement.</summary>
    Text,
}
