/** Noise control (降噪): maintenance windows (检修窗口) approved by the district, and holds for enterprises reported offline. */
package dustwatch.alert.maintenance;
