export interface Config {
  eciImageCache?: {
    /** Settings of the ECI image cache scaffolder module. */
    scaffolder?: {
      /**
       * Directory that `eci:publish:local` publishes into, one sub-directory per run; nothing is
       * ever written outside it. Relative paths resolve against the backend's working directory,
       * like `backend.database.connection.directory` (default `../../.data/scaffolder`, the
       * git-ignored `.data/` folder of the repository when started with `npm start`).
       */
      publishRoot?: string;
    };
  };
}
