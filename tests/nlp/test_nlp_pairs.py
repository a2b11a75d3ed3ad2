"""Acceptance 3: name pairs through the real ingest path, with merge precision and recall.

Each name goes into its own small article; two names are merged when ingest
gives them the same entity id. Most names are not in the gazetteer, so the
merging comes from the key rules, not from a list.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

SAME = [
    ("كيم جونغ أون", "كيم جونج أون"),
    ("كيم جونغ إيل", "كيم جون إيل"),
    ("كيم يونغ تشول", "كيم يونج شول"),
    ("كيم يو جونغ", "كيم يو جونج"),
    ("مايك بومبيو", "مايك بومبو"),
    ("دميتري بيسكوف", "ديمتري بيسكوف"),
    ("سيرغي لافروف", "سيرجى لافروف"),
    ("تشوي سون هوي", "شوي سون هوي"),
    ("ريتشارد غرينيل", "ريتشارد جرينيل"),
    ("جاريد كوشنر", "غاريد كوشنر"),
    ("جون كيري", "جون كيرى"),
    ("سارة ساندرز", "ساره ساندرز"),
    ("أنطونيو غوتيريش", "انطونيو غوتيريش"),
    ("إيمانويل ماكرون", "ايمانويل ماكرون"),
    ("ليندسي غراهام", "ليندسي جراهام"),
    ("نانسي بيلوسي", "نانسي بيلوسى"),
    ("ميخائيل أوليانوف", "ميخائيل اوليانوف"),
    ("ماريا زاخاروفا", "ماريا زخاروفا"),
    ("ألكسندر لوكاشينكو", "ألكسندر لوكاشنكو"),
    ("أنتوني بلينكن", "أنتوني بلينكين"),
    ("جون بولتون", "جون بلتون"),
    ("فاسيلي نيبينزيا", "فاسيلي نيبنزيا"),
    ("يفغيني بريغوجين", "يفجيني بريجوجين"),
    ("ستيفن بيغان", "ستيفن بيغن"),
]
DIFFERENT = [
    ("كيم جونغ أون", "كيم جونغ إيل"),
    ("كيم جونغ أون", "كيم إيل سونغ"),
    ("كيم جونغ أون", "كيم يونج شول"),
    ("كيم جونغ إيل", "كيم إيل سونغ"),
    ("كيم يو جونغ", "كيم جونغ أون"),
    ("محمد عبد الله", "محمود عبد الله"),
    ("حسن سليمان", "حسين سليمان"),
    ("دميتري بيسكوف", "دميتري مدفيديف"),
    ("جون كيري", "جون كيلي"),
    ("مايك بنس", "مايك بومبيو"),
    ("ماريا زاخاروفا", "ماريا زاخاروف"),
    ("جمال سليم", "جميل سليم"),
    ("سمير خالد", "سمر خالد"),
    ("أحمد حسن", "محمد حسن"),
    ("سيرغي لافروف", "سيرغي شويغو"),
    ("دونالد ترامب", "دونالد توسك"),
    ("جو بايدن", "جو بيرن"),
    ("بوريس جونسون", "بوريس يلتسين"),
]
TEMPLATE = "وقال الرئيس {name} في مؤتمر صحفي إن المحادثات مستمرة، وأضاف {name} أنه متفائل.\n"


def test_name_pairs_merge_precisely(
    ingest_texts: Callable[[dict[str, str]], sqlite_utils.Database],
) -> None:
    names = sorted({n for pair in SAME + DIFFERENT for n in pair})
    assert len(SAME) + len(DIFFERENT) >= 40
    db = ingest_texts(
        {f"{i:03d}.txt": f"خبر {i}\n\n" + TEMPLATE.format(name=n) for i, n in enumerate(names)}
    )
    entity_of: dict[str, set[int]] = {}
    for i, name in enumerate(names):
        rows = db.execute(
            "SELECT DISTINCT m.entity_id FROM mentions m JOIN articles a ON a.id = m.article_id "
            "JOIN entities e ON e.id = m.entity_id "
            "WHERE a.source_path LIKE ? AND e.kind = 'PER'",
            [f"%{i:03d}.txt"],
        ).fetchall()
        entity_of[name] = {int(r[0]) for r in rows}
    unfound = [n for n, ids in entity_of.items() if len(ids) != 1]
    assert unfound == []

    def merged(a: str, b: str) -> bool:
        return entity_of[a] == entity_of[b]

    true_merges = sum(merged(a, b) for a, b in SAME)
    false_merges = [(a, b) for a, b in DIFFERENT if merged(a, b)]
    precision = true_merges / (true_merges + len(false_merges)) if true_merges else 0.0
    recall = true_merges / len(SAME)
    missed = [(a, b) for a, b in SAME if not merged(a, b)]
    print(
        f"\nname pairs: {len(SAME)} same-person, {len(DIFFERENT)} different-person; "
        f"merge precision {precision:.2f}, recall {recall:.2f}; missed: {missed}"
    )
    assert false_merges == []
    assert recall >= 0.8
