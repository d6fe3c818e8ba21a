import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import * as api from "../../lib/api";
import { SAMPLE_WORKSPACE, connectionsBackend, fakeBackend, fakeMediaItem, mediaBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";

vi.mock("../../lib/api");

const mocked = vi.mocked(api);

const DUE: api.DuePost = {
  postId: "p1",
  title: "Sakura anpan",
  status: "scheduled",
  scheduledAt: "2026-04-10T09:00:00+09:00",
  overdue: true,
  variants: [
    {
      platform: "instagram",
      platformName: "Instagram",
      text: "Sakura anpan is back.\n\nhttps://komorebi.example/?utm_source=instagram\n\n#bakery",
      firstComment: null,
    },
    { platform: "line_official_account", platformName: "LINE Official Account", text: "LINE friends: 10% off", firstComment: null },
  ],
};

describe("due today", () => {
  beforeEach(() => {
    fakeBackend.workspace = SAMPLE_WORKSPACE;
    connectionsBackend.due = [];
    connectionsBackend.clipboard = [];
    connectionsBackend.published = [];
    mediaBackend.items = [];
    mediaBackend.postMedia = {};
    mediaBackend.exportFolder = null;
  });

  it("teaches what will show up when nothing is due", async () => {
    renderWithProviders(<App />);
    expect(await screen.findByTestId("due-empty")).toHaveTextContent("Nothing to post today");
  });

  it("copies each platform's full text and marks the post published with its URL", async () => {
    connectionsBackend.due = [DUE];
    const { user } = renderWithProviders(<App />);
    const item = await screen.findByTestId("due-p1");
    expect(item).toHaveTextContent("Post now");
    expect(within(item).getByTestId("due-text-p1-instagram")).toHaveTextContent("#bakery");

    await user.click(within(item).getByRole("button", { name: "Copy text: Instagram" }));
    expect(await within(item).findByText("Copied the Instagram text. Paste it in the app.")).toBeInTheDocument();
    expect(connectionsBackend.clipboard).toEqual([DUE.variants[0]?.text]);

    await user.click(within(item).getByTestId("due-mark-p1"));
    const url = within(item).getByLabelText("Link to the live post");
    expect(url).toHaveFocus();
    await user.type(url, "instagram.com/p/1");
    await user.click(within(item).getByTestId("due-confirm-p1"));
    expect(await within(item).findByText(/starting with https/)).toBeInTheDocument();
    expect(url).toHaveAttribute("aria-invalid", "true");

    await user.clear(url);
    await user.type(url, "https://www.instagram.com/p/1/");
    await user.click(within(item).getByTestId("due-confirm-p1"));
    expect(await screen.findByTestId("due-empty")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Due today" })).toHaveFocus();
    expect(screen.getByTestId("due-status")).toHaveTextContent('"Sakura anpan" is marked as published.');
    expect(mocked.markPostPublished).toHaveBeenCalledWith("p1", "https://www.instagram.com/p/1/");
  });

  it("explains when copying is not possible", async () => {
    connectionsBackend.due = [DUE];
    mocked.copyToClipboard.mockRejectedValueOnce(new api.AppError("unsupported", "no clipboard"));
    const { user } = renderWithProviders(<App />);
    const item = await screen.findByTestId("due-p1");
    await user.click(within(item).getByRole("button", { name: "Copy text: LINE Official Account" }));
    expect(await within(item).findByRole("alert")).toHaveTextContent("Ctrl+C");
  });

  it("exports the post's photos in each platform's size, only when it has photos", async () => {
    connectionsBackend.due = [DUE, { ...DUE, postId: "p2", title: "No photo yet" }];
    mediaBackend.items = [fakeMediaItem("m1", "croissant.jpg"), fakeMediaItem("m2", "oven.jpg")];
    mediaBackend.postMedia = { p1: ["m1", "m2"] };
    const { user } = renderWithProviders(<App />);
    const item = await screen.findByTestId("due-p1");
    const button = await within(item).findByRole("button", { name: "Export 2 photos in each platform's size…" });
    expect(within(await screen.findByTestId("due-p2")).queryByTestId("due-images-p2")).toBeNull();

    // Cancelling the folder dialog says nothing.
    await user.click(button);
    expect(mocked.exportPostImages).toHaveBeenCalledWith("p1");
    expect(screen.getByTestId("due-images-status-p1")).toBeEmptyDOMElement();

    mediaBackend.exportFolder = "/home/aki/Desktop";
    await user.click(button);
    expect(await within(item).findByText("Saved 2 images to /home/aki/Desktop/2026-12-03_post.")).toBeInTheDocument();
  });
});
