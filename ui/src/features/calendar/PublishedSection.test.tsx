// The post drawer shows where a published post went live (the URL recorded by "Mark as
// published"), per platform, with a Copy button, in English and Japanese.
import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import i18n from "../../i18n";
import * as api from "../../lib/api";
import { calendarBackend, connectionsBackend, fakePost, resetContentBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";
import { PostDrawer } from "./PostDrawer";

vi.mock("../../lib/api");
const mocked = vi.mocked(api);

const URL = "https://www.instagram.com/p/Cx1/";

function publishedPost(status: api.PostStatus = "published") {
  return fakePost(
    {
      id: "p1",
      title: "Melon pan day",
      status,
      variants: [
        { id: "v1", platform: "instagram", textOverride: null, hashtags: [], firstComment: null, linkPlacement: "none" },
        { id: "v2", platform: "line_official_account", textOverride: null, hashtags: [], firstComment: null, linkPlacement: "none" },
      ],
      publication: status === "published" ? { postId: "p1", url: URL, publishedAt: "2026-03-10T00:30:00Z" } : null,
    },
    "2026-03-10T09:00",
  );
}

function open(platforms: { id: string; name: string }[]) {
  return renderWithProviders(
    <PostDrawer postId="p1" newAt="2026-03-10T09:00" pillars={[]} platforms={platforms} onClose={() => undefined} onMoveTo={() => undefined} />,
  );
}

describe("published post in the drawer", () => {
  beforeEach(() => {
    resetContentBackend();
    connectionsBackend.clipboard = [];
  });

  it("lists the live link for each platform and copies it", async () => {
    calendarBackend.posts = [publishedPost()];
    const { user } = open([
      { id: "instagram", name: "Instagram" },
      { id: "line_official_account", name: "LINE Official Account" },
    ]);
    const section = await screen.findByTestId("post-published");
    expect(within(section).getByText("Where it went live")).toBeInTheDocument();
    const rows = within(section).getAllByTestId("post-published-row");
    expect(rows.map((r) => r.textContent)).toEqual([`Instagram${URL}`, `LINE Official Account${URL}`]);
    // Read-only text, not a link the WebView would try to open.
    expect(within(section).queryByRole("link")).toBeNull();
    await user.click(within(section).getByRole("button", { name: "Copy link" }));
    await waitFor(() => expect(mocked.copyToClipboard).toHaveBeenCalledWith(URL));
    expect(connectionsBackend.clipboard).toEqual([URL]);
    expect(within(section).getByTestId("post-published-status")).toHaveTextContent("Copied the link.");
  });

  it("says what to do when copying fails", async () => {
    calendarBackend.posts = [publishedPost()];
    mocked.copyToClipboard.mockRejectedValueOnce(new api.AppError("unsupported", "no clipboard"));
    const { user } = open([{ id: "instagram", name: "Instagram" }]);
    const section = await screen.findByTestId("post-published");
    await user.click(within(section).getByTestId("post-published-copy"));
    await waitFor(() => expect(within(section).getByTestId("post-published-status")).toHaveTextContent("Ctrl+C"));
  });

  it("shows nothing for a post that is not published", async () => {
    calendarBackend.posts = [publishedPost("scheduled")];
    open([{ id: "instagram", name: "Instagram" }]);
    await screen.findByTestId("post-drawer");
    await screen.findByTestId("post-title");
    expect(screen.queryByTestId("post-published")).toBeNull();
  });

  it("reads naturally in Japanese", async () => {
    await i18n.changeLanguage("ja");
    calendarBackend.posts = [publishedPost()];
    const { user } = open([
      { id: "instagram", name: "Instagram" },
      { id: "line_official_account", name: "LINE公式アカウント" },
    ]);
    const section = await screen.findByTestId("post-published");
    expect(within(section).getByText("公開した投稿")).toBeInTheDocument();
    expect(within(section).getAllByTestId("post-published-row")[1]).toHaveTextContent(`LINE公式アカウント${URL}`);
    await user.click(within(section).getByRole("button", { name: "リンクをコピー" }));
    await waitFor(() => expect(within(section).getByTestId("post-published-status")).toHaveTextContent("リンクをコピーしました"));
  });
});
