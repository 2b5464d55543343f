// Who is signed in, read once by the shell and shared with every screen.
import { createContext, useContext } from "react";

export interface ViewerInfo {
  id: string;
  name: string;
  roles: string[];
  departmentId: string | null;
  isManager: boolean;
  isHr: boolean;
}

export const ViewerContext = createContext<ViewerInfo | null>(null);

export function useViewer(): ViewerInfo {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error("useViewer outside the signed-in shell");
  return viewer;
}
