#!/usr/bin/env python3
"""Writes the sample cascade's localization files from the hand-checked mapping below.

The MAPPINGS are the checked part: for each item of the lower document, which province item (001)
it carries out (the first is the one whose wording it replaces), its responsible units, and every
deadline move, drop and local item, each decided by reading both documents side by side (see
README.md). The lower documents' wording is copied by extract_items.py, not retyped.

Run from this folder: python3 build_mappings.py  (rewrites 141181-2022.json and 14.sthj-2022.json)
"""
import json
from extract_items import extract

DOCS = "../documents/"
XIAOYI_ALL = ["市直各部门", "各乡镇人民政府", "街道办事处"]

XIAOYI = {
    "file": "141181-2022.json",
    "body": "141181", "bodyName": "孝义市人民政府", "year": 2022,
    "document": "002_a18924aeb3c2152f.txt", "parentDocument": "001_3b734d94e06de046.txt",
    "parent": {"parentBodyId": "1411", "parentYear": 2022, "parentVersion": 1},
    "title": "孝义市2022年政务公开工作要点", "docNumber": "孝政办发〔2022〕24号", "issueDate": "2022-07-14",
    # lower item: (province items it carries out, units as in its 责任单位)
    "items": {
        "1.1": (["4.2"], ["市行政审批局", "市自然资源局", "市城管局", "市卫健局", "市棚改中心", "市项目推进中心", "崇文街道", "振兴街道"]),
        "1.2": (["2.2"], ["市场监管局"]),
        "1.3": (["2.1"], ["市司法局"]),
        "1.4": (["2.1"], ["市公安局"]),
        "1.5": (["4.3"], ["市行政审批局"]),
        "1.6": (["3.2"], ["市教科局"]),
        "1.7": (["4.3", "4.5"], ["市财政局"]),
        "1.8": ([], ["市卫健局", "各乡镇人民政府", "街道办事处"]),
        "1.9": (["3.1"], ["市行政审批局", "各乡镇人民政府", "街道办事处"]),
        "2.1": (["5.1"], XIAOYI_ALL),
        "2.2": (["1.2", "3.3"], XIAOYI_ALL),
        "2.3": (["5.2"], XIAOYI_ALL),
        "2.4": (["3.3"], ["市行政审批局"]),
        "2.5": (["5.3", "1.1"], XIAOYI_ALL),
        "2.6": (["2.3"], XIAOYI_ALL),
        "3.1": (["3.1", "4.1"], ["市行政审批局"]),
        "3.2": (["3.2"], ["市教科局", "卫健局", "人社局", "民政局", "城管局", "能源局", "生态环境分局", "交通运输局"]),
        "3.3": (["5.4"], XIAOYI_ALL),
        "4.1": (["1.4"], []),
        "4.2": (["6.3"], []),
        "4.3": (["6.3"], []),
    },
    # (province item, deadline index or None for all, new date, kind, quote from the lower document)
    "deadlines": [
        ("4.2", None, "2022-07-31", "新设（001无时限）", "1.1：8 类信息应于 7 月底前在政府门户网站公开存量数据"),
        ("2.1", None, "2022-07-31", "11月底前 → 7月底前（两处）", "1.3：7月底前督促全市各级行政执法单位…录入；1.4：7月底前完成全市…电子技术监控设备的摸排清理"),
        ("3.1", 0, "2022-07-31", "11月底前 → 7月底前", "3.1：7月底前梳理编制完成市本级政府权责清单、行政许可事项清单"),
        ("3.1", 1, "2022-07-31", "年内 → 7月底前", "3.1：…及其他事项清单、目录等"),
        ("3.1", 2, "2022-08-01", "从10月起 → 从8月起", "1.9：未施行“排号公示制度”的应从8月起统一施行"),
        ("3.2", 0, "2022-07-31", "2022年8月底前 → 7月底前", "3.2：于7月底前在政府门户网站相应栏目依法全面公开存量信息"),
        ("5.4", None, "2022-12-31", "新设（001无时限）", "3.3：年底前将发放结果以村为单位通过村务公开栏公开"),
        ("6.3", None, "2022-08-31", "年内 → 8月底前", "4.2：主要负责人8月底前至少听取一次政务公开工作汇报"),
    ],
    "drops": [
        ("1.3", "孝义市要点未列入此项"),
        ("4.4", "孝义市要点未列入此项"),
        ("6.1", "本级不涉及（省政府办公厅组织的表彰）"),
        ("6.2", "孝义市要点未列入此项"),
    ],
    # lower item added as the body's own: (lower item, local id, after province item, deadlines)
    "local": [("1.8", "L1", "4.5", [])],
}

STHJ_ALL = ["各处室、单位"]
STHJ = {
    "file": "14.sthj-2022.json",
    "body": "14.sthj", "bodyName": "山西省生态环境厅", "year": 2022,
    "document": "000_e83660342c7be3db.txt", "parentDocument": "001_3b734d94e06de046.txt",
    "parent": {"parentBodyId": "14", "parentYear": 2022, "parentVersion": 1},
    "title": "山西省生态环境厅2022年政务公开工作要点", "docNumber": "晋环办发〔2022〕35号", "issueDate": "2022-09-05",
    "items": {
        "1.1": (["1.1", "4.1"], STHJ_ALL),
        "1.2": (["3.2"], ["综合处"]),
        "1.3": (["2.1"], ["执法局", "执法总队"]),
        "1.4": (["3.1"], ["审批处"]),
        "1.5": (["2.2"], ["执法局", "执法总队"]),
        "1.6": (["4.2"], ["科财处"]),
        "1.7": (["4.3", "4.5"], ["科财处"]),
        "1.8": (["2.3"], ["审批处", "执法局", "执法总队"]),
        "2.1": (["3.3"], STHJ_ALL),
        "2.2": (["1.2"], STHJ_ALL),
        "2.3": (["5.2"], STHJ_ALL),
        "2.4": ([], STHJ_ALL),
        "3.1": (["5.1"], STHJ_ALL),
        "3.2": (["5.1"], ["法规处"]),
        "4.1": (["5.3"], ["办公室", "保障中心"]),
        "4.2": (["5.3"], STHJ_ALL),
        "5.1": (["6.3"], []),
        "5.2": ([], []),
        "5.3": (["6.2"], []),
    },
    # 000 moves no deadline: its 8月底前 (1.2) and 11月底前 (4.2) are the province's dates.
    "deadlines": [],
    "drops": [
        ("1.3", "本级不涉及（各级政府组织考核的要求）"),
        ("1.4", "生态环境厅要点未列入此项"),
        ("4.4", "本级不涉及（由市场监管部门牵头）"),
        ("5.4", "本级不涉及（基层政府事项）"),
        ("6.1", "本级不涉及（省政府办公厅组织的表彰）"),
    ],
    "local": [
        ("2.4", "L1", "1.2", [{"text": "3 个工作日内", "kind": "workingDays", "days": 3}]),
        ("5.2", "L2", "6.3", []),
    ],
}


def build(spec):
    lower = {i["id"]: i for i in extract(DOCS + spec["document"], ["本文件由", "附件："])}
    assert set(lower) == set(spec["items"]), f"{spec['file']}: mapping does not cover exactly the document's items"
    changes, items = [], []
    parents_in_order = []
    for lid, (carries, units) in spec["items"].items():
        items.append({"item": lid, "label": lower[lid]["label"], "heading": lower[lid]["heading"], "carriesOut": carries})
        for p in carries:
            if p not in parents_in_order:
                parents_in_order.append(p)
    parents_in_order.sort(key=lambda p: [int(x) for x in p.split(".")])
    for p in parents_in_order:
        primary = [lid for lid, (c, _) in spec["items"].items() if c and c[0] == p]
        if primary:
            changes.append({"kind": "reword", "itemId": p,
                            "heading": "；".join(lower[l]["heading"] for l in primary),
                            "text": "\n".join(lower[l]["text"] for l in primary)})
        units = []
        for lid, (c, u) in spec["items"].items():
            if p in c:
                units += [x for x in u if x not in units]
        if units:
            changes.append({"kind": "setUnits", "itemId": p, "units": units})
        for (dp, index, date, _, _) in spec["deadlines"]:
            if dp == p:
                change = {"kind": "tighten", "itemId": p, "newDate": date}
                if index is not None:
                    change["deadlineIndex"] = index
                changes.append(change)
    for (p, reason) in spec["drops"]:
        changes.append({"kind": "drop", "itemId": p, "reason": reason})
    for (lid, local_id, after, deadlines) in spec["local"]:
        changes.append({"kind": "add", "itemId": local_id, "afterItemId": after,
                        "heading": lower[lid]["heading"], "text": lower[lid]["text"],
                        "deadlines": deadlines, "units": spec["items"][lid][1]})
        next(i for i in items if i["item"] == lid)["local"] = local_id
    document = {
        "body": spec["body"], "bodyName": spec["bodyName"], "year": spec["year"],
        "document": spec["document"], "parentDocument": spec["parentDocument"],
        "items": items,
        "deadlineMoves": [{"parentItem": p, "deadlineIndex": i, "to": d, "move": m, "quote": q} for (p, i, d, m, q) in spec["deadlines"]],
        "localization": dict(spec["parent"], title=spec["title"], docNumber=spec["docNumber"], issueDate=spec["issueDate"], changes=changes),
    }
    with open(spec["file"], "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    build(XIAOYI)
    build(STHJ)
