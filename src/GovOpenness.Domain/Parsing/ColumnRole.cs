namespace GovOpenness.Domain.Parsing;

/// <summary>What a task table's column holds, read from its header cell.</summary>
internal enum ColumnRole
{
    /// <summary>A header cell this reader does not use (备注…).</summary>
    Other,

    /// <summary>序号.</summary>
    Number,

    /// <summary>类别, 领域, 板块: rows with the same value form one section.</summary>
    Category,

    /// <summary>工作任务, 重点任务, 公开事项: the row's heading.</summary>
    Task,

    /// <summary>具体要求, 公开内容, 工作内容: the row's text.</summary>
    Content,

    /// <summary>责任单位, 牵头单位, 牵头部门.</summary>
    Lead,

    /// <summary>配合单位, 协办单位.</summary>
    Support,

    /// <summary>时限要求, 完成时限.</summary>
    Deadline,
}
