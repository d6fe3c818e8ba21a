import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import * as api from "../../lib/api";
import { SAMPLE_WORKSPACE, connectionsBackend, fakeBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";

vi.mock("../../lib/api");

const mocked = vi.mocked(api);

async function open(section: "settings" | "share") {
  const rendered = renderWithProviders(<App />);
  await rendered.user.click(await screen.findByTestId(`nav-${section}`));
  await screen.findByTestId(`page-${section}`);
  return rendered;
}

describe("connections", () => {
  beforeEach(() => {
    fakeBackend.workspace = { ...SAMPLE_WORKSPACE, isSample: false };
    connectionsBackend.connections = [];
    connectionsBackend.storeAvailable = true;
    connectionsBackend.keychain = new Map();
  });

  it("tests, adds and removes a CalDAV calendar without ever showing the password again", async () => {
    const { user } = await open("settings");
    const section = await screen.findByTestId("settings-connections");
    expect(await within(section).findByTestId("connections-empty")).toBeInTheDocument();

    await user.type(within(section).getByLabelText("Name"), "Team calendar");
    await user.type(within(section).getByLabelText("Calendar address (CalDAV)"), "https://cloud.example.com/dav/plan/");
    await user.type(within(section).getByLabelText("User name"), "komorebi");
    const password = within(section).getByLabelText("Password");
    expect(password).toHaveAttribute("type", "password");
    await user.type(password, "nope");

    // A wrong password is shown next to the password field.
    await user.click(within(section).getByTestId("connection-test-new"));
    expect(await within(section).findByText(/refused this user name or password/)).toBeInTheDocument();
    expect(password).toHaveAttribute("aria-invalid", "true");

    await user.clear(password);
    await user.type(password, "wonderland");
    await user.click(within(section).getByTestId("connection-test-new"));
    expect(await within(section).findByText(/Connected: the calendar answered/)).toBeInTheDocument();

    await user.click(within(section).getByTestId("connection-add"));
    const list = await within(section).findByTestId("connections-list");
    expect(within(list).getByText("Team calendar")).toBeInTheDocument();
    expect(mocked.addCaldavConnection).toHaveBeenCalledWith({
      label: "Team calendar",
      url: "https://cloud.example.com/dav/plan/",
      username: "komorebi",
      password: "wonderland",
    });
    // The form is emptied: the password is not kept in the page.
    expect(within(section).getByLabelText("Password")).toHaveValue("");
    expect(section).not.toHaveTextContent("wonderland");

    await user.click(within(list).getByRole("button", { name: "Test connection: Team calendar" }));
    expect(await within(list).findByText(/Connected/)).toBeInTheDocument();

    await user.click(within(list).getByRole("button", { name: "Remove: Team calendar" }));
    await user.click(within(list).getByTestId("connection-remove-confirm-conn-1"));
    expect(await within(section).findByTestId("connections-empty")).toBeInTheDocument();
    expect(within(section).getByRole("heading", { name: "Connections" })).toHaveFocus();
    expect(connectionsBackend.keychain.size).toBe(0);
  });

  it("a bad address is reported on its field", async () => {
    const { user } = await open("settings");
    const section = await screen.findByTestId("settings-connections");
    await user.type(within(section).getByLabelText("Name"), "Team");
    await user.type(within(section).getByLabelText("Calendar address (CalDAV)"), "http://example.com");
    await user.type(within(section).getByLabelText("User name"), "a");
    await user.type(within(section).getByLabelText("Password"), "b");
    await user.click(within(section).getByTestId("connection-add"));
    expect(await within(section).findByText(/full CalDAV address/)).toBeInTheDocument();
    expect(within(section).getByLabelText("Calendar address (CalDAV)")).toHaveAttribute("aria-invalid", "true");
  });

  it("says so when no secure store is available and disables the form", async () => {
    connectionsBackend.storeAvailable = false;
    await open("settings");
    const banner = await screen.findByTestId("connections-no-secure-store");
    expect(banner).toHaveTextContent("No secure password store is available");
    expect(banner).toHaveTextContent("nothing can be saved");
    expect(screen.getByTestId("connection-password")).toBeDisabled();
    expect(screen.getByTestId("connection-add")).toBeDisabled();
  });

  it("in Japanese", async () => {
    fakeBackend.workspace = { ...SAMPLE_WORKSPACE, isSample: false, language: "ja" };
    await open("settings");
    expect(await screen.findByText("CalDAV カレンダーを追加")).toBeInTheDocument();
  });
});

describe("publish to a team calendar (Share)", () => {
  beforeEach(() => {
    fakeBackend.workspace = { ...SAMPLE_WORKSPACE, isSample: false };
    connectionsBackend.connections = [];
    connectionsBackend.keychain = new Map();
  });

  it("without a connection it points to Settings", async () => {
    const { user } = await open("share");
    await screen.findByTestId("caldav-no-connections");
    await user.click(screen.getByTestId("caldav-go-settings"));
    expect(await screen.findByTestId("page-settings")).toBeInTheDocument();
  });

  it("previews, then publishes and shows the result", async () => {
    await api.addCaldavConnection({ label: "Team", url: "https://cal.example.com/p/", username: "k", password: "wonderland" });
    const { user } = await open("share");
    const panel = await screen.findByTestId("caldav-panel");
    await user.click(await within(panel).findByTestId("caldav-preview"));
    const preview = await within(panel).findByTestId("caldav-preview-result");
    expect(preview).toHaveTextContent("nothing has been sent yet");
    expect(preview).toHaveTextContent("2 to create");
    expect(within(preview).getByText("[Instagram] Sakura anpan")).toBeInTheDocument();
    // Each change shows when the post goes out, in the business's zone (Tokyo).
    expect(within(preview).getByText("Apr 3, 2026, 9:00 AM")).toBeInTheDocument();
    expect(mocked.publishCaldav).toHaveBeenLastCalledWith("conn-1", true);

    await user.click(within(panel).getByTestId("caldav-publish"));
    const done = await within(panel).findByTestId("caldav-publish-result");
    expect(done).toHaveTextContent("Published. 2 created, 0 updated, 0 deleted, 0 unchanged.");
    expect(mocked.publishCaldav).toHaveBeenLastCalledWith("conn-1", false);
    expect(await within(panel).findByTestId("caldav-last-run")).toHaveTextContent("Last published");
  });

  it("shows a server error in words", async () => {
    await api.addCaldavConnection({ label: "Team", url: "https://cal.example.com/p/", username: "k", password: "wonderland" });
    mocked.publishCaldav.mockRejectedValueOnce(
      new api.AppError("invalid", "The calendar server refused this user name or password (401).", "password"),
    );
    const { user } = await open("share");
    const panel = await screen.findByTestId("caldav-panel");
    await user.click(await within(panel).findByTestId("caldav-publish"));
    expect(await within(panel).findByRole("alert")).toHaveTextContent("(401)");
  });
});
