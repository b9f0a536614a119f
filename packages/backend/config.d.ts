export interface Config {
  eciImageCache?: {
    permissions?: {
      /**
       * Group entity refs (for example `group:default/eci-admins`) whose members
       * may change any entity's image caches and ACR settings.
       */
      adminGroups?: string[];
    };
  };
}
