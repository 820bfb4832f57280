"""Geometry of the timeline (missions as bars, Astana rounds as ticks), from the data.

Only numbers and labels are computed here; timeline.svg.j2 draws them."""

from datetime import date

from markupsafe import Markup

from .models import PartialDate
from .render import render
from .strings import format_date, format_range, ui_string

WIDTH, LABEL_WIDTH, RIGHT_MARGIN = 760, 64, 14
TOP, LANE, BAR_GAP = 6, 20, 8
# With more data than a figure can show one by one (the scaling bench's 100x): rounds become
# one tick a month, and the missions past the first lanes are counted in the caption.
MAX_ROUND_TICKS, MAX_MISSION_LANES = 60, 12


def render_timeline(data, locale: str, prefix: str) -> Markup:
    """The timeline figure (inline SVG) for a page `prefix` away from the language root."""
    return Markup(render("timeline.svg.j2", **timeline_context(data, locale, prefix)).strip())


def timeline_context(data, locale: str, prefix: str) -> dict:
    """What timeline.svg.j2 needs for one language; `prefix` leads from the page that shows
    the timeline to the language root (links to mission and round pages)."""
    all_missions, rounds = data.missions.missions, data.rounds.rounds
    missions = all_missions[:MAX_MISSION_LANES]
    first_year = min([m.start.date.year for m in missions] + [r.start.year for r in rounds])
    last_year = max([m.end.date.year for m in missions if m.end] + [r.end.year for r in rounds])
    scale_start, scale_end = date(first_year, 1, 1), date(last_year + 1, 1, 1)
    span = scale_end.toordinal() - scale_start.toordinal()
    plot_width = WIDTH - LABEL_WIDTH - RIGHT_MARGIN

    def x(day: date) -> float:
        clamped = min(max(day, scale_start), scale_end)
        return round(LABEL_WIDTH + (clamped.toordinal() - scale_start.toordinal()) / span * plot_width, 1)

    bars = []
    for index, mission in enumerate(missions):
        start = mission.start.date.first_day
        end = mission.end.date.last_day if mission.end else scale_end
        bars.append(
            {
                "label": mission.short[locale],
                "x": x(start),
                "width": max(round(x(end) - x(start), 1), 3),
                "y": TOP + index * (LANE + BAR_GAP),
                "href": f"{prefix}missions/{mission.id}.html",
                "title": f"{mission.name[locale]}: "
                f"{format_range(mission.start.date, mission.end.date if mission.end else None, locale)}",
                "after_article": mission.after_article,
                "ongoing": mission.end is None,
            }
        )
    rounds_y = TOP + len(missions) * (LANE + BAR_GAP)
    points = round_ticks(data, locale, prefix, x)
    axis_y = rounds_y + LANE + 8
    ticks = [
        {
            "x": x(date(year, 1, 1)),
            # every other year labelled, so the labels stay readable on a phone
            "label": str(year) if year <= last_year and (year - first_year) % 2 == 0 else "",
            "major": year % 5 == 0,
        }
        for year in range(first_year, last_year + 2)
    ]

    mission_lines = "; ".join(bar["title"] for bar in bars)
    if len(all_missions) > len(missions):
        mission_lines += ". " + ui_string(locale, "timeline_more_missions", count=len(all_missions) - len(missions))
    rounds_line = ui_string(
        locale,
        "timeline_rounds_summary",
        count=len(rounds),
        first=format_date(rounds[0].start, locale),
        last=format_date(rounds[-1].end, locale),
    )
    return {
        "width": WIDTH,
        "height": axis_y + 24,
        "top": TOP,
        "lane": LANE,
        "axis_y": axis_y,
        "label_x": 4,
        "bars": bars,
        "points": points,
        "rounds_y": rounds_y,
        "rounds_label": ui_string(locale, "timeline_rounds_short"),
        "ticks": ticks,
        "title": ui_string(locale, "timeline_title"),
        "description": f"{ui_string(locale, 'timeline_missions')}: {mission_lines}. {rounds_line}.",
        "caption": f"{ui_string(locale, 'timeline_title')}, {first_year}–{last_year}. "
        f"{ui_string(locale, 'timeline_legend')}"
        + (
            " " + ui_string(locale, "timeline_more_missions", count=len(all_missions) - len(missions))
            if len(all_missions) > len(missions)
            else ""
        ),
    }


def round_ticks(data, locale: str, prefix: str, x) -> list[dict]:
    """A tick for each round, or for each month with rounds when there are too many."""
    rounds, cities = data.rounds.rounds, data.rounds.cities
    if len(rounds) <= MAX_ROUND_TICKS:
        return [
            {
                "x": round(x(r.start.first_day) - 2, 1),
                "href": f"{prefix}astana/round-{r.n}.html",
                "title": f"{ui_string(locale, 'round', n=r.n)}: {format_range(r.start, r.end, locale)}, "
                f"{cities[r.city][locale]}",
                "after_article": r.after_article,
                "label": str(r.n),  # in the list a phone shows instead of the chart
                "year": r.start.year,
            }
            for r in rounds
        ]
    months: dict[tuple[int, int], list] = {}
    for r in rounds:
        months.setdefault((r.start.year, r.start.month), []).append(r)
    return [
        {
            "x": round(x(group[0].start.first_day) - 2, 1),
            "href": f"{prefix}astana/round-{group[0].n}.html",
            "title": ui_string(locale, "timeline_rounds_month", first=group[0].n, last=group[-1].n,
                               month=format_date(PartialDate(year, month), locale)),
            "after_article": all(r.after_article for r in group),
            "label": f"{group[0].n}–{group[-1].n}" if len(group) > 1 else str(group[0].n),
            "year": year,
        }
        for (year, month), group in months.items()
    ]  # fmt: skip
