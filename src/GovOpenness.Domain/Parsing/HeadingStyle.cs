namespace GovOpenness.Domain.Parsing;

/// <summary>
/// The numbering styles of the genre. Their depth is not fixed: the first style met is the top level,
/// the next new style one level down, and so on (the usual order is 一、 → （一） → 1. → （1） → ①).
/// </summary>
internal enum HeadingStyle
{
    /// <summary>"第一部分", "第二章".</summary>
    Part,

    /// <summary>"一、", "二．".</summary>
    ChineseComma,

    /// <summary>"（一）", "(一)".</summary>
    ChineseParen,

    /// <summary>"1.", "1、", "１．".</summary>
    ArabicDot,

    /// <summary>"（1）", "(1)".</summary>
    ArabicParen,

    /// <summary>"①".</summary>
    Circled,
}
