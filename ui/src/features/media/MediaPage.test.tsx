import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as api from "../../lib/api";
import { fakeMediaItem, mediaBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";
import { MediaPage } from "./MediaPage";
import { MediaPicker, VariantPhotos } from "./MediaPicker";
import { mediaUrl } from "./mediaUrl";

vi.mock("../../lib/api");
const mocked = vi.mocked(api);

const CROISSANT = fakeMediaItem("0190c3a4-1234-7000-8000-000000000001", "croissant.jpg", { tags: ["bread"] });
const SHOP = fakeMediaItem("0190c3a4-1234-7000-8000-000000000002", "shop-front.png", { altText: "Our blue door" });

beforeEach(() => {
  mediaBackend.items = [];
  mediaBackend.postMedia = {};
  mediaBackend.variantMedia = {};
  mediaBackend.importResult = null;
  mediaBackend.exportFolder = null;
});

describe("media URLs", () => {
  it("use the custom scheme by id, in the form each platform's WebView loads", () => {
    expect(mediaUrl("thumb", "abc", "Mozilla/5.0 (X11; Linux x86_64)")).toBe("plotline-media://localhost/thumb/abc");
    expect(mediaUrl("original", "abc", "Mozilla/5.0 (Macintosh)")).toBe("plotline-media://localhost/original/abc");
    expect(mediaUrl("thumb", "abc", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Edg/120")).toBe("http://plotline-media.localhost/thumb/abc");
    expect(mediaUrl("thumb", "../x")).toBe("plotline-media://localhost/thumb/..%2Fx");
  });
});

describe("media library", () => {
  it("teaches when empty, imports through the dialog and lists what failed", async () => {
    mediaBackend.importResult = {
      imported: [CROISSANT],
      failed: [{ name: "IMG_0001.HEIC", message: "IMG_0001.HEIC is a HEIC photo (the iPhone format). Export it as JPEG from Photos." }],
    };
    const { user } = renderWithProviders(<MediaPage />);
    expect(await screen.findByRole("heading", { level: 2, name: "Add your photos and videos" })).toBeInTheDocument();
    expect(screen.getByText(/Dragging files onto the window is turned off/)).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Add photos…" }));
    expect(await screen.findByText("Added 1 photo.")).toBeInTheDocument();
    expect(screen.getByTestId("media-import-failed")).toHaveTextContent("Export it as JPEG");
    const grid = screen.getByTestId("media-grid");
    const img = within(grid).getByRole("img", { name: "croissant.jpg" });
    expect(img).toHaveAttribute("src", `plotline-media://localhost/thumb/${CROISSANT.id}`);
    // The imported photo opens in the details panel, flagged as missing alt text.
    expect(screen.getByTestId("media-details")).toHaveTextContent("croissant.jpg");
    expect(within(grid).getByText("No alt text")).toBeInTheDocument();
  });

  it("searches, saves alt text and tags, and keeps photos that posts use when deleting", async () => {
    mediaBackend.items = [CROISSANT, SHOP];
    mediaBackend.postMedia = { "post-1": [SHOP.id] };
    const { user } = renderWithProviders(<MediaPage />);
    await screen.findByTestId("media-grid");
    await user.type(screen.getByRole("searchbox", { name: "Search photos" }), "bread");
    await waitFor(() => expect(within(screen.getByTestId("media-grid")).getAllByRole("listitem")).toHaveLength(1));
    await user.clear(screen.getByRole("searchbox", { name: "Search photos" }));
    await waitFor(() => expect(within(screen.getByTestId("media-grid")).getAllByRole("listitem")).toHaveLength(2));

    await user.click(screen.getByRole("button", { name: "Show details of croissant.jpg" }));
    expect(screen.getByText(/Screen readers read it aloud/)).toBeInTheDocument();
    await user.type(screen.getByLabelText("Alt text"), "A golden croissant on a plate");
    await user.clear(screen.getByLabelText("Tags"));
    await user.type(screen.getByLabelText("Tags"), "Bread, morning");
    await user.click(screen.getByRole("button", { name: "Save details" }));
    expect(await screen.findByText("Details saved.")).toBeInTheDocument();
    expect(mocked.updateMediaDetails).toHaveBeenCalledWith(CROISSANT.id, { altText: "A golden croissant on a plate", tags: ["Bread", " morning"] });

    await user.click(screen.getByRole("checkbox", { name: "Select croissant.jpg" }));
    await user.click(screen.getByRole("checkbox", { name: "Select shop-front.png" }));
    await user.click(screen.getByRole("button", { name: "Delete 2 photos" }));
    await user.click(screen.getByRole("button", { name: "Yes, delete 2 photos" }));
    expect(await screen.findByText("Deleted 1 photo.")).toBeInTheDocument();
    expect(screen.getByTestId("media-in-use")).toHaveTextContent("“shop-front.png” is used by: Melon pan launch. Remove it from those posts first");
    expect(within(screen.getByTestId("media-grid")).getAllByRole("listitem")).toHaveLength(1);
  });

  it("shows the error from Rust with a retry when the library cannot load", async () => {
    mocked.listMedia.mockRejectedValueOnce(new api.AppError("io", "Plotline could not read the library. Check the disk."));
    renderWithProviders(<MediaPage />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Plotline could not read the library");
  });
});

describe("variants", () => {
  it("moves the focal point by click and arrow keys, previews every size and exports the chosen ones", async () => {
    mediaBackend.items = [CROISSANT];
    mediaBackend.exportFolder = "/home/me/Exports";
    const { user } = renderWithProviders(<MediaPage />);
    await user.click(await screen.findByRole("button", { name: "Show details of croissant.jpg" }));
    await user.click(screen.getByRole("button", { name: "Make sizes for every platform…" }));

    const focal = await screen.findByTestId("media-focal");
    expect(focal).toHaveAttribute("data-focal", "0.5,0.5");
    focal.focus();
    await user.keyboard("{ArrowRight}{ArrowRight}{Shift>}{ArrowDown}{/Shift}");
    expect(focal).toHaveAttribute("data-focal", "0.54,0.6");
    vi.spyOn(focal, "getBoundingClientRect").mockReturnValue({ left: 0, top: 0, width: 200, height: 100, right: 200, bottom: 100, x: 0, y: 0, toJSON: () => ({}) });
    fireEvent.click(focal, { clientX: 50, clientY: 25 });
    expect(focal).toHaveAttribute("data-focal", "0.25,0.25");
    await waitFor(() => expect(mocked.setMediaFocal).toHaveBeenCalledWith(CROISSANT.id, 0.25, 0.25));
    await waitFor(() =>
      expect(mocked.previewMediaVariants).toHaveBeenLastCalledWith(CROISSANT.id, expect.objectContaining({ focalX: 0.25, focalY: 0.25, mode: "fill" })),
    );

    const story = screen.getByTestId("variant-instagram:story");
    expect(within(story).getByText(/keep text and faces out/)).toBeInTheDocument();
    expect(await within(story).findByRole("img", { name: "Preview for Instagram · Story / Reel" })).toBeInTheDocument();

    await user.click(screen.getByTestId("media-mode-fit"));
    await user.click(screen.getByTestId("media-bg-solid"));
    expect(screen.getByTestId("media-color")).toBeInTheDocument();
    await user.click(within(screen.getByTestId("variant-x:landscape")).getByRole("checkbox"));
    await user.click(screen.getByRole("button", { name: "Export 2 sizes to a folder…" }));
    expect(await screen.findByText("Saved 2 files to /home/me/Exports.")).toBeInTheDocument();
    expect(screen.getByTestId("media-export-files")).toHaveTextContent("2026-12-03_croissant_instagram-story.jpg");
    expect(mocked.exportMediaVariants).toHaveBeenCalledWith(
      CROISSANT.id,
      expect.objectContaining({ targets: ["instagram:feed_square", "instagram:story"], mode: "fit", blur: false }),
    );
  });
});

describe("media picker on a post", () => {
  it("attaches photos from the library and shows their thumbnails", async () => {
    mediaBackend.items = [CROISSANT, SHOP];
    const { user } = renderWithProviders(<MediaPicker postId="post-9" />);
    expect(await screen.findByText("No photos attached yet.")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Attach photos from the library…" }));
    await user.click(await screen.findByRole("checkbox", { name: "Attach croissant.jpg" }));
    const attached = await screen.findByTestId("media-picker-attached");
    expect(within(attached).getByRole("img", { name: "croissant.jpg" })).toHaveAttribute("src", `plotline-media://localhost/thumb/${CROISSANT.id}`);
    expect(mocked.setPostMedia).toHaveBeenLastCalledWith("post-9", [CROISSANT.id]);
    await user.click(within(attached).getByRole("button", { name: "Remove croissant.jpg from this post" }));
    expect(await screen.findByText("No photos attached yet.")).toBeInTheDocument();
  });
});

describe("media picker on a new post", () => {
  it("asks to save the post first", async () => {
    renderWithProviders(<MediaPicker postId={null} />);
    expect(await screen.findByText("Save the post first, then attach photos from the library.")).toBeInTheDocument();
    expect(mocked.postMedia).not.toHaveBeenCalled();
  });
});

describe("photos for one platform", () => {
  it("use the post's photos until the owner picks others, and can go back", async () => {
    mediaBackend.items = [CROISSANT, SHOP];
    mediaBackend.postMedia = { "post-9": [CROISSANT.id] };
    const { user } = renderWithProviders(<VariantPhotos postId="post-9" platform="x" name="X" />);
    expect(await screen.findByRole("group", { name: "Photos for X" })).toBeInTheDocument();
    expect(await screen.findByTestId("variant-photos-inherit")).toHaveTextContent("Uses the post's photo.");

    await user.click(screen.getByRole("button", { name: "Choose different photos for X…" }));
    expect(screen.getByText("Tick the photos X should get instead of the post's.")).toBeInTheDocument();
    await user.click(await screen.findByRole("checkbox", { name: "Attach shop-front.png" }));
    expect(mocked.setVariantMedia).toHaveBeenLastCalledWith("post-9", "x", [SHOP.id]);
    const mine = await screen.findByTestId("variant-photos-attached");
    expect(within(mine).getByRole("img", { name: "Our blue door" })).toBeInTheDocument();
    expect(within(mine).getByRole("button", { name: "Remove shop-front.png from X" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Use the post's photos again" }));
    expect(mocked.setVariantMedia).toHaveBeenLastCalledWith("post-9", "x", []);
    expect(await screen.findByTestId("variant-photos-inherit")).toBeInTheDocument();
  });

  it("explain when the post has no photos yet", async () => {
    renderWithProviders(<VariantPhotos postId="post-9" platform="instagram" name="Instagram" />);
    expect(await screen.findByTestId("variant-photos-inherit")).toHaveTextContent("The post has no photos yet");
  });
});
