import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as api from "../../lib/api";
import { calendarBackend, contentBackend, fakePost, pillarBackend, resetContentBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";
import { PostDrawer } from "./PostDrawer";

vi.mock("../../lib/api");
const mocked = vi.mocked(api);

const PLATFORMS = [
  { id: "instagram", name: "Instagram" },
  { id: "x", name: "X" },
];

function open(postId: string | null) {
  return renderWithProviders(<PostDrawer postId={postId} newAt="2026-03-10T09:00" pillars={[]} platforms={PLATFORMS} onClose={() => undefined} onMoveTo={() => undefined} />);
}

describe("post drawer", () => {
  beforeEach(() => {
    resetContentBackend();
    calendarBackend.posts = [];
    pillarBackend.team = {
      members: [
        { id: "m1", name: "Ken", role: "manager" },
        { id: "m2", name: "Yuki", role: "operator" },
      ],
      steps: [
        { step: "manager_review", required: true },
        { step: "brand_check", required: false },
      ],
    };
  });

  it("edits a platform version that inherits the main text until changed, with its live counter and error", async () => {
    const { user } = open(null);
    const drawer = await screen.findByTestId("post-drawer");
    await user.type(within(drawer).getByTestId("post-body"), "Fresh melon pan");
    await user.click(within(drawer).getByTestId("post-platform-x"));
    await user.click(within(drawer).getByTestId("variant-tab-x"));
    expect(within(drawer).getByTestId("variant-inherits")).toBeInTheDocument();
    expect(within(drawer).getByTestId("variant-text")).toHaveValue("Fresh melon pan");
    await waitFor(() => expect(within(drawer).getByTestId("variant-counter")).toHaveTextContent("15 / 280"));

    const text = within(drawer).getByTestId("variant-text");
    await user.clear(text);
    await user.click(text);
    await user.paste("a".repeat(281));
    await waitFor(() => expect(within(drawer).getByTestId("variant-counter")).toHaveTextContent("281 / 280"));
    expect(within(drawer).getByTestId("variant-issues")).toHaveTextContent("X allows 280");
    expect(within(drawer).getByTestId("variant-tab-x")).toHaveTextContent("1");
    await user.click(within(drawer).getByTestId("variant-reset"));
    expect(within(drawer).getByTestId("variant-text")).toHaveValue("Fresh melon pan");
    expect(mocked.checkPostDraft).toHaveBeenCalled();
  });

  it("offers only the statuses core allows and blocks approval until risks are acknowledged and signed off", async () => {
    calendarBackend.posts = [fakePost({ id: "r1", title: "Best melon pan", body: "The best", status: "in_review", allowedNext: ["approved", "changes_requested", "draft"] }, "2026-03-10T09:00")];
    contentBackend.signOffs = [
      { step: "manager_review", required: true, memberName: null, at: null, eligible: [{ id: "m1", name: "Ken", role: "manager" }] },
      { step: "brand_check", required: false, memberName: null, at: null, eligible: [] },
    ];
    let acked = false;
    mocked.postRiskReview.mockImplementation(async () => [
      { hit: { category: "absolute_claim", term: "best", span: { start: 4, end: 8 } }, acknowledgedBy: acked ? "You" : null, acknowledgedAt: acked ? "2026-01-15T03:30:00Z" : null },
    ]);
    mocked.acknowledgeRisk.mockImplementation(async () => {
      acked = true;
    });
    const { user } = open("r1");
    const drawer = await screen.findByTestId("post-drawer");
    const approve = await within(drawer).findByTestId("post-to-approved");
    expect(within(drawer).queryByTestId("post-to-published")).not.toBeInTheDocument();
    await waitFor(() => expect(within(drawer).getByTestId("approve-blockers")).toHaveTextContent("risk warning"));
    expect(approve).toBeDisabled();

    await user.click(await within(drawer).findByTestId("risk-ack-best"));
    await user.click(within(drawer).getByTestId("signoff-button-manager_review"));
    await waitFor(() => expect(within(drawer).getByTestId("signoff-manager_review")).toHaveTextContent("Signed off by Ken"));
    await waitFor(() => expect(within(drawer).getByTestId("post-to-approved")).toBeEnabled());
    await user.click(within(drawer).getByTestId("post-to-approved"));
    await waitFor(() => expect(mocked.transitionPost).toHaveBeenCalledWith("r1", "approved"));
    await waitFor(() => expect(within(drawer).getByTestId("post-status")).toHaveTextContent("Approved"));

    await user.type(within(drawer).getByTestId("comment-input"), "Looks good{Enter}");
    await waitFor(() => expect(within(drawer).getByTestId("post-comments")).toHaveTextContent("Looks good"));
  });

  it("creates a weekly series from a new post", async () => {
    const { user } = open(null);
    const drawer = await screen.findByTestId("post-drawer");
    await user.type(within(drawer).getByTestId("post-title"), "Weekend bakes");
    await user.selectOptions(within(drawer).getByTestId("series-frequency"), "weekly");
    fireEvent.change(within(drawer).getByTestId("series-count"), { target: { value: "6" } });
    await user.click(within(drawer).getByTestId("post-save"));
    await waitFor(() =>
      expect(mocked.createSeries).toHaveBeenCalledWith(expect.objectContaining({ frequency: "weekly", interval: 1, count: 6 })),
    );
  });

  it("creates a series that ends on a date instead of after a count", async () => {
    const { user } = open(null);
    const drawer = await screen.findByTestId("post-drawer");
    await user.type(within(drawer).getByTestId("post-title"), "Sourdough club");
    await user.selectOptions(within(drawer).getByTestId("series-frequency"), "weekly");
    expect(within(drawer).getByTestId("series-until")).toBeDisabled();
    await user.click(within(drawer).getByTestId("series-ends-until"));
    expect(within(drawer).getByTestId("series-count")).toBeDisabled();
    fireEvent.change(within(drawer).getByTestId("series-until"), { target: { value: "2026-05-01" } });
    await user.click(within(drawer).getByTestId("post-save"));
    await waitFor(() =>
      expect(mocked.createSeries).toHaveBeenCalledWith(expect.objectContaining({ frequency: "weekly", interval: 1, until: "2026-05-01", count: null })),
    );
  });

  it("turns an existing single post into the first post of a series, showing core's end-date error next to the field", async () => {
    calendarBackend.posts = [fakePost({ id: "s1", title: "Melon pan morning" }, "2026-03-10T09:00")];
    const { user } = open("s1");
    const drawer = await screen.findByTestId("post-drawer");
    const fields = await within(drawer).findByTestId("series-fields");
    expect(fields).toHaveTextContent("Repeat this post");
    expect(within(drawer).getByTestId("post-save")).toHaveTextContent("Save");
    await user.selectOptions(within(drawer).getByTestId("series-frequency"), "monthly");
    expect(within(drawer).getByTestId("post-save")).toHaveTextContent("Save and repeat");
    await user.click(within(drawer).getByTestId("series-ends-until"));
    fireEvent.change(within(drawer).getByTestId("series-until"), { target: { value: "2026-03-01" } });
    await user.click(within(drawer).getByTestId("post-save"));
    expect(await within(drawer).findByTestId("series-until-error")).toHaveTextContent("after the first post");
    expect(mocked.updatePost).not.toHaveBeenCalled();

    fireEvent.change(within(drawer).getByTestId("series-until"), { target: { value: "2026-08-10" } });
    expect(within(drawer).queryByTestId("series-until-error")).not.toBeInTheDocument();
    await user.click(within(drawer).getByTestId("post-save"));
    await waitFor(() =>
      expect(mocked.startSeriesFromPost).toHaveBeenLastCalledWith("s1", { frequency: "monthly", interval: 1, until: "2026-08-10", count: null }),
    );
    expect(calendarBackend.posts.find((p) => p.id === "s1")?.seriesId).toBe("series-from-post");
  });

  it("shows the series choices, not the repeat fields, for a post already in a series", async () => {
    calendarBackend.posts = [fakePost({ id: "o1", title: "Friday loaves", seriesId: "series-1" }, "2026-03-13T09:00")];
    open("o1");
    const drawer = await screen.findByTestId("post-drawer");
    await within(drawer).findByTestId("series-scope");
    expect(within(drawer).queryByTestId("series-fields")).not.toBeInTheDocument();
  });
});
