import { screen, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../../App";
import * as api from "../../lib/api";
import { SAMPLE_WORKSPACE, fakeBackend } from "../../lib/__mocks__/api";
import { renderWithProviders } from "../../test/render";

vi.mock("../../lib/api");

const mocked = vi.mocked(api);
const WORKSPACE: api.Workspace = { ...SAMPLE_WORKSPACE, isSample: false };

async function openSettings() {
  const rendered = renderWithProviders(<App />);
  await rendered.user.click(await screen.findByTestId("nav-settings"));
  await screen.findByTestId("page-settings");
  return rendered;
}

describe("settings", () => {
  beforeEach(() => {
    fakeBackend.workspace = WORKSPACE;
  });

  it("changing the language saves the workspace and switches the whole UI to Japanese", async () => {
    const { user } = await openSettings();
    const select = screen.getByTestId("settings-language");
    expect(select).toHaveValue("en");

    await user.selectOptions(select, "ja");

    expect(mocked.saveWorkspace).toHaveBeenCalledWith({
      name: "Sunrise Bakery",
      industry: "bakery_food",
      audience: "b2c",
      timeZone: "Asia/Tokyo",
      language: "ja",
      weekStart: "monday",
    });
    expect(await screen.findByText("計画の全体像")).toBeInTheDocument();
    expect(screen.getByTestId("nav-settings")).toHaveTextContent("設定");
    expect(screen.getByTestId("nav-pillars")).toHaveTextContent("テーマと配分");
    expect(screen.getByTestId("page-title")).toHaveTextContent("設定");
    expect(document.documentElement).toHaveAttribute("lang", "ja");
  });

  it("saves the edited business profile and confirms it", async () => {
    const { user } = await openSettings();
    const name = screen.getByTestId("settings-name");
    expect(name).toHaveValue("Sunrise Bakery");

    await user.clear(name);
    await user.type(name, "Sunrise Bakery & Café");
    await user.click(screen.getByTestId("settings-audience-both"));
    await user.click(screen.getByTestId("settings-save"));

    expect(mocked.saveWorkspace).toHaveBeenCalledWith(
      expect.objectContaining({ name: "Sunrise Bakery & Café", audience: "both", language: "en" }),
    );
    expect(await screen.findByText("Your changes have been saved.")).toBeInTheDocument();
    expect(screen.getByTestId("sidebar-business-name")).toHaveTextContent("Sunrise Bakery & Café");
  });

  it("does not save an empty name", async () => {
    const { user } = await openSettings();
    await user.clear(screen.getByTestId("settings-name"));
    await user.click(screen.getByTestId("settings-save"));

    expect(screen.getByText("Please enter your business name.")).toBeInTheDocument();
    expect(mocked.saveWorkspace).not.toHaveBeenCalled();
  });

  it("shows where the data lives, the versions and the licences", async () => {
    await openSettings();
    expect(await screen.findByTestId("settings-data-dir")).toHaveTextContent("/home/user/.local/share/com.plotline.app");
    expect(screen.getByText("/home/user/.local/share/com.plotline.app/plotline.db")).toBeInTheDocument();
    expect(screen.getByTestId("settings-version")).toHaveTextContent("0.1.0");
    expect(screen.getByText("Tauri")).toBeInTheDocument();
    expect(screen.getByText("Public domain")).toBeInTheDocument();
    // Last saved, in the workspace time zone (Tokyo): 2026-01-15 03:30Z is 12:30 PM.
    expect(screen.getByText(/Jan 15, 2026, 12:30\sPM/)).toBeInTheDocument();
  });

  it("backs up and shows where the file went", async () => {
    mocked.backupNow.mockResolvedValue({ path: "/media/usb/plotline-2026-01-15.plotline-backup", bytes: 4096, schemaVersion: 1 });
    const { user } = await openSettings();
    await user.click(screen.getByTestId("settings-backup"));

    expect(mocked.backupNow).toHaveBeenCalledTimes(1);
    expect(await screen.findByText("Backup saved to /media/usb/plotline-2026-01-15.plotline-backup")).toBeInTheDocument();
  });

  it("says nothing when the backup dialog is cancelled", async () => {
    const { user } = await openSettings();
    await user.click(screen.getByTestId("settings-backup"));

    expect(mocked.backupNow).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("settings-backup")).toBeEnabled();
    expect(screen.getByTestId("settings-backup-status")).toBeEmptyDOMElement();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("shows a backup failure in an alert", async () => {
    mocked.backupNow.mockRejectedValue(new api.AppError("io", "The backup could not be written. Choose another folder."));
    const { user } = await openSettings();
    await user.click(screen.getByTestId("settings-backup"));

    expect(await screen.findByRole("alert")).toHaveTextContent("The backup could not be written. Choose another folder.");
  });

  it("asks before restoring, then reports the safety copy and reloads everything", async () => {
    mocked.restoreFromBackup.mockResolvedValue({
      path: "/media/usb/old.plotline-backup",
      schemaVersion: 1,
      safetyBackup: "/home/user/.local/share/com.plotline.app/safety/before-restore.db",
    });
    const { user } = await openSettings();
    expect(mocked.getWorkspace).toHaveBeenCalledTimes(1);

    await user.click(screen.getByTestId("settings-restore"));
    expect(mocked.restoreFromBackup).not.toHaveBeenCalled();
    const confirm = screen.getByRole("group", { name: "Replace your current data?" });
    expect(confirm).toHaveTextContent("safety copy");

    await user.click(within(confirm).getByTestId("settings-restore-confirm"));

    expect(mocked.restoreFromBackup).toHaveBeenCalledTimes(1);
    const status = await screen.findByText(/Restored from \/media\/usb\/old\.plotline-backup\./);
    expect(status).toHaveTextContent("/home/user/.local/share/com.plotline.app/safety/before-restore.db");
    expect(mocked.getWorkspace).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole("group", { name: "Replace your current data?" })).not.toBeInTheDocument();
  });

  it("cancelling the confirmation restores nothing", async () => {
    const { user } = await openSettings();
    await user.click(screen.getByTestId("settings-restore"));
    await user.click(screen.getByTestId("settings-restore-cancel"));

    expect(mocked.restoreFromBackup).not.toHaveBeenCalled();
    expect(screen.getByTestId("settings-restore")).toHaveFocus();
  });
});
