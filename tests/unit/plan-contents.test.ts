// Which documents get a contents page, and how its page numbers are read from the bookmarks.
import { describe, expect, it } from "vitest";
import { loadReportData } from "../../src/load/load-report-data.ts";
import { buildReportView } from "../../src/model/build-report-view.ts";
import {
  type ContentsEntry,
  numberContents,
  planContents,
  RISK_REGISTER_CONTENTS_FROM,
  samePages,
} from "../../src/model/plan-contents.ts";
import { planDocuments } from "../../src/model/plan-documents.ts";
import { exampleData } from "../helpers/report-folder.ts";

const entry = (id: string, title: string): ContentsEntry => ({ id, title, level: 1, page: undefined });

describe("numbering the contents", () => {
  it("takes each entry's page from the first bookmark with its words after the previous entry's", () => {
    const entries = [entry("a", "Summary"), entry("b", "Commentary"), entry("c", "Commentary")];
    const outline = [
      { title: "Report title", page: 1 },
      { title: "Summary", page: 2 },
      { title: "Commentary", page: 3 },
      { title: "Other", page: 4 },
      { title: "Commentary", page: 6 },
    ];
    expect(numberContents(entries, outline).map((item) => item.page)).toEqual([2, 3, 6]);
  });

  it("matches titles whatever their white space (even a space lost at a wrap), and leaves an entry with no bookmark unnumbered", () => {
    const numbered = numberContents(
      [entry("a", "Caring for  the\nEnvironment"), entry("b", "Missing"), entry("c", "Your Council")],
      [
        // Chromium names a bookmark without the space where its heading wrapped.
        { title: " Caring for theEnvironment", page: 3 },
        { title: "Your Council", page: 7 },
      ],
    );
    expect(numbered.map((item) => item.page)).toEqual([3, undefined, 7]);
  });

  it("tells when a printing changed no page", () => {
    const first = [{ ...entry("a", "A"), page: 2 }];
    expect(samePages(first, [{ ...entry("a", "A"), page: 2 }])).toBe(true);
    expect(samePages(first, [{ ...entry("a", "A"), page: 3 }])).toBe(false);
    expect(samePages(first, [])).toBe(false);
  });
});

describe("which documents have a contents page", () => {
  it("lists the performance report's and the delivery plan's parts, not a short risk register's", async () => {
    const input = await loadReportData(exampleData);
    const view = buildReportView(input);
    const contents = Object.fromEntries(
      planDocuments(input, view).map((document) => [document.fileStem, planContents(view, document)]),
    );
    expect(contents["performance-report"]?.map((item) => item.title)).toEqual([
      "Summary of performance",
      "Caring for the Environment",
      "Healthy Communities",
      "A Thriving Economy",
      "Your Council",
      "Exceptions: indicators rated Red",
    ]);
    expect(contents["delivery-plan"]?.slice(0, 4)).toEqual([
      { id: "plan-summary-heading", title: "Summary of progress", level: 1, page: undefined },
      { id: "plan-theme-environment", title: "Caring for the Environment", level: 1, page: undefined },
      {
        id: "objective-ENV-O1",
        title: "Take action to become a carbon neutral organisation by 2030 to help tackle climate change",
        level: 2,
        page: undefined,
      },
      {
        id: "objective-ENV-O2",
        title: "Help protect our environment by using all powers available to tackle those who threaten it",
        level: 2,
        page: undefined,
      },
    ]);
    expect(view.risks.length).toBeLessThan(RISK_REGISTER_CONTENTS_FROM);
    expect(contents["risk-register"]).toEqual([]);
    expect(contents["contextual-indicators"]).toEqual([]);
    expect(contents["cover-report"]).toEqual([]);
  });
});
